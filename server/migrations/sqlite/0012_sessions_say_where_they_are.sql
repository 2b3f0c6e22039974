-- Mi cuenta lists where the account is signed in: the browser and system each session's sign-in
-- came from (its User-Agent, as sent; read into names when listed).
ALTER TABLE sessions ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';
