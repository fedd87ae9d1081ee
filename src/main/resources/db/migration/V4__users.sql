-- Accounts of the web UI and the REST API. Passwords are stored only as BCrypt hashes.
-- roles is a comma-separated list of HR, LEADER, AUDITOR, ADMIN.
CREATE TABLE app_user (
    username         VARCHAR(64)  NOT NULL PRIMARY KEY,
    password_hash    VARCHAR(100) NOT NULL,
    roles            VARCHAR(100) NOT NULL,
    enabled          BOOLEAN      NOT NULL,
    failed_attempts  INT          NOT NULL,
    locked_until     TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
