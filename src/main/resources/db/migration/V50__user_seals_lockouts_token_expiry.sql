-- Rights removed at once (issue 18).
--
-- A user's roles, enabled state, password hash and one-time mark carry a keyed seal (HMAC under the
-- installation's key, as runs do): a row edited in the database is refused at login and on every
-- request. Rows that exist now are sealed once, as found, at the first start after this migration
-- (security.UserSeals), which says so in the audit log.
ALTER TABLE app_user ADD COLUMN seal VARCHAR(64);
ALTER TABLE app_user ADD COLUMN seal_key VARCHAR(16);

-- Failed logins are counted per account and source (remote address), one row each, so that
-- callers elsewhere cannot lock an account out; the per-account counter and lock go.
CREATE TABLE login_failure (
    username        VARCHAR(64)  NOT NULL,
    source          VARCHAR(64)  NOT NULL,
    failures        INT          NOT NULL,
    first_failed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_failed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_login_failure PRIMARY KEY (username, source)
);
ALTER TABLE app_user DROP COLUMN failed_attempts;
ALTER TABLE app_user DROP COLUMN locked_until;

-- API tokens expire, and say when they were last used and why they were revoked. Tokens made
-- before expiry existed get 90 days from this upgrade, so that no script stops without notice.
-- A token's owner, hash, times and revocation are sealed like a user's row: a token row inserted or
-- revived by SQL acts for nobody. Existing tokens are sealed once, as found, with the users.
ALTER TABLE api_token ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE api_token ADD COLUMN last_used_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE api_token ADD COLUMN revoked_reason VARCHAR(30);
ALTER TABLE api_token ADD COLUMN seal VARCHAR(64);
UPDATE api_token SET expires_at = CURRENT_TIMESTAMP + INTERVAL '90' DAY;
UPDATE api_token SET revoked_reason = 'REVOKED' WHERE revoked_at IS NOT NULL;
ALTER TABLE api_token ALTER COLUMN expires_at SET NOT NULL;
