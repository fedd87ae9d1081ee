-- A display name per user (a person's real, usually Chinese, name: shown in the top bar and the
-- audit log), and whether the password is a one-time one that must be changed at the next login.
ALTER TABLE app_user ADD COLUMN display_name VARCHAR(100) DEFAULT '' NOT NULL;
ALTER TABLE app_user ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;
