-- Runs once, when docker compose creates the database volume: the login of the role the app
-- connects as (docs/decisions/011-database-login-role.md). The first migration that needs it
-- (*_database_wall) finds it and grants it what it may do; it owns nothing and cannot bypass
-- row-level security. Change the password (here and in docker-compose.yml) for anything but a
-- local trial.
CREATE ROLE buurt_app LOGIN NOINHERIT PASSWORD 'buurt_app';
