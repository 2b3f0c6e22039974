-- Mi cuenta lists where the account is signed in (sqlite/0012 says more).
ALTER TABLE sessions ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';
