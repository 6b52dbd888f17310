-- The database wall, tightened (issue 11 item 12; docs/decisions/011-database-login-role.md).
-- What each scope's role may do is narrowed to what the application's own code paths need, so
-- that the wall holds where the application forgets. tests/integration/database-wall.test.ts
-- tries each rule with the application's filter removed.

-- The acting staff member of a coordinator or contact scope (lib/db/scope.ts); NULL outside one.
CREATE FUNCTION app_user_id() RETURNS TEXT LANGUAGE sql STABLE AS $$
  SELECT NULLIF(current_setting('app.user_id', true), '')
$$;

-- The central mailbox, from the deployment's MAILBOX_ADDRESS, set by a contact scope: the only
-- address a contact person's actions may mail. NULL (no mail at all) when not set.
CREATE FUNCTION app_mailbox() RETURNS TEXT LANGUAGE sql STABLE AS $$
  SELECT NULLIF(current_setting('app.mailbox', true), '')
$$;

-- 1. A resident on their private link updates only what lib/applications/own-application.ts,
-- lib/privacy/erase-application.ts and reconfirm-waiting.ts write: their details, the e-mail
-- confirmation, the matched address rule, a status change of their own (checked below), the
-- erasure and the re-confirmation. Not the subarea, the group flag, the language, the purge
-- job's question, the repeat counters or the duplicate link. REVOKE on the table takes every
-- column grant with it.
REVOKE UPDATE ON "Application" FROM buurt_resident;
GRANT UPDATE (name, mobile, street, "houseNumber", "houseNumberSuffix", postcode, email, "emailConfirmedAt",
              status, "statusChangedAt", "suggestedSubareaId", "matchedRuleId", "manageTokenHash", notes,
              "anonymisedAt", "reconfirmedAt", version, "updatedAt") ON "Application" TO buurt_resident;

-- 2. Status changes a contact person or a resident may make, as in lib/applications/status-machine.ts
-- (TRANSITIONS, actor CONTACT_PERSON and RESIDENT; the resident's NEW <-> WAITING follows a
-- corrected address). A BEFORE trigger, since a policy cannot see the old row. The group flag
-- goes on only when someone is added, and off only for someone who left, withdrew or was
-- rejected. A resident may clear the internal notes (erasure) but not write them, and may not
-- undo an erasure.
CREATE FUNCTION app_check_application_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_user = 'buurt_contact' THEN
    IF NEW.status IS DISTINCT FROM OLD.status
       AND OLD.status::text || '>' || NEW.status::text NOT IN ('ASSIGNED>ADDED', 'ASSIGNED>UNREACHABLE', 'UNREACHABLE>ADDED', 'ADDED>LEFT') THEN
      RAISE EXCEPTION 'permission denied: a contact person may not change a status from % to %', OLD.status, NEW.status
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF (NEW."inGroup" AND NOT OLD."inGroup" AND NEW.status <> 'ADDED')
       OR (OLD."inGroup" AND NOT NEW."inGroup" AND NEW.status NOT IN ('LEFT', 'WITHDRAWN', 'REJECTED')) THEN
      RAISE EXCEPTION 'permission denied: a contact person may not change the group flag of a % person', NEW.status
        USING ERRCODE = 'insufficient_privilege';
    END IF;
  ELSIF current_user = 'buurt_resident' THEN
    IF NEW.status IS DISTINCT FROM OLD.status
       AND NOT (NEW.status = 'WITHDRAWN' AND OLD.status IN ('NEW', 'WAITING', 'ASSIGNED', 'UNREACHABLE', 'ADDED'))
       AND OLD.status::text || '>' || NEW.status::text NOT IN ('NEW>WAITING', 'WAITING>NEW') THEN
      RAISE EXCEPTION 'permission denied: a resident may not change a status from % to %', OLD.status, NEW.status
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF (NEW.notes IS NOT NULL AND NEW.notes IS DISTINCT FROM OLD.notes)
       OR (OLD."anonymisedAt" IS NOT NULL AND NEW."anonymisedAt" IS DISTINCT FROM OLD."anonymisedAt") THEN
      RAISE EXCEPTION 'permission denied: a resident may only clear the notes and may not undo an erasure'
        USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER application_update_wall BEFORE UPDATE ON "Application"
  FOR EACH ROW WHEN (current_user IN ('buurt_contact', 'buurt_resident'))
  EXECUTE FUNCTION app_check_application_update();

-- 3. History and audit rows name who acted: in a coordinator or contact scope the staff member
-- of app.user_id (and their role), in a resident scope the resident, anonymously and about
-- their own application only. Triggers, not policies: the coordinator role may bypass RLS
-- (*_wide_roles_bypass_rls). The service scope (sign-in, jobs, public forms, and the one
-- contact write of docs/decisions/005) records for others by design.
CREATE FUNCTION app_check_audit_actor() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_user IN ('buurt_coordinator', 'buurt_contact') THEN
    IF app_user_id() IS NULL OR NEW."actorKind" <> 'STAFF' OR NEW."actorId" IS DISTINCT FROM app_user_id()
       OR NEW."actorRole" IS DISTINCT FROM (CASE current_user WHEN 'buurt_coordinator' THEN 'COORDINATOR' ELSE 'CONTACT_PERSON' END)::"StaffRole" THEN
      RAISE EXCEPTION 'permission denied: an audit event must name the acting staff member' USING ERRCODE = 'insufficient_privilege';
    END IF;
  ELSIF current_user = 'buurt_resident' THEN
    IF NEW."actorKind" <> 'RESIDENT' OR NEW."actorId" IS NOT NULL OR NEW."actorRole" IS NOT NULL
       OR app_application_id() IS NULL OR NOT (NEW."subjectIds" <@ ARRAY[app_application_id()])
       OR (NEW."targetId" IS NOT NULL AND NEW."targetId" <> app_application_id()::text) THEN
      RAISE EXCEPTION 'permission denied: a resident''s audit event is anonymous and about their own application' USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER audit_event_actor_wall BEFORE INSERT ON "AuditEvent"
  FOR EACH ROW WHEN (current_user IN ('buurt_coordinator', 'buurt_contact', 'buurt_resident'))
  EXECUTE FUNCTION app_check_audit_actor();

CREATE FUNCTION app_check_history_actor() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_user IN ('buurt_coordinator', 'buurt_contact') THEN
    IF app_user_id() IS NULL OR NEW."actorKind" <> 'STAFF' OR NEW."actorId" IS DISTINCT FROM app_user_id() THEN
      RAISE EXCEPTION 'permission denied: a history line must name the acting staff member' USING ERRCODE = 'insufficient_privilege';
    END IF;
  ELSIF current_user = 'buurt_resident' THEN
    IF NEW."actorKind" <> 'RESIDENT' OR NEW."actorId" IS NOT NULL THEN
      RAISE EXCEPTION 'permission denied: a resident''s history line is anonymous' USING ERRCODE = 'insufficient_privilege';
    END IF;
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER application_event_actor_wall BEFORE INSERT ON "ApplicationEvent"
  FOR EACH ROW WHEN (current_user IN ('buurt_coordinator', 'buurt_contact', 'buurt_resident'))
  EXECUTE FUNCTION app_check_history_actor();

-- The history is append-only for people, as the audit trail already is.
REVOKE UPDATE, DELETE ON "ApplicationEvent" FROM buurt_coordinator;

-- 4. A contact person's only mail is the rule-violation notice to the central mailbox.
DROP POLICY outbox_contact ON "OutboxMail";
CREATE POLICY outbox_contact ON "OutboxMail" TO buurt_contact
  WITH CHECK ("applicationId" IS NULL AND app_mailbox() IS NOT NULL AND "to" = app_mailbox());

-- 5. Tables without policies, reachable only by the roles whose code paths use them:
--   User               service (sign-in, digests); coordinator (staff pages): read, invite, update
--   Session            service; coordinator ends a deactivated member's sessions (by user id only)
--   SubareaContact     service; coordinator assigns subareas (no UPDATE: rows are added or removed)
--   AddressRule        service; coordinator (subarea rules); resident reads (correction re-matches)
--   Account, VerificationToken, RateLimit, JobLease, JobRun   service only
-- Contact and resident hold no grant on any of them (their scopes read the viewer through the
-- service scope, lib/auth/viewer.ts).
REVOKE ALL ON "Account", "VerificationToken", "RateLimit", "JobLease", "JobRun", "Session" FROM buurt_coordinator;
GRANT SELECT ("userId"), DELETE ON "Session" TO buurt_coordinator;
REVOKE DELETE ON "User" FROM buurt_coordinator;
REVOKE UPDATE ON "SubareaContact" FROM buurt_coordinator;
REVOKE ALL ON "User", "Session", "Account", "VerificationToken", "SubareaContact", "RateLimit", "JobLease", "JobRun"
  FROM buurt_contact, buurt_resident;
REVOKE ALL ON "AddressRule" FROM buurt_contact;
-- New tables are no longer the coordinator's by default: a migration grants what is needed.
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM buurt_coordinator;

-- 6. The login role of the application (PostgreSQL with MIGRATION_DATABASE_URL): owns nothing,
-- never bypasses RLS, and holds no table privilege of the scope roles. It may only switch to
-- them (SET ROLE, not inherited), read the migration state (start-up and health checks) and
-- run the Auth.js adapter, which queries outside any scope (lib/auth/auth.ts). Created without
-- LOGIN: the operator gives it one (ALTER ROLE buurt_app LOGIN PASSWORD '…'; README, Deployment).
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'buurt_app') THEN
    CREATE ROLE buurt_app NOLOGIN NOINHERIT NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  ELSIF EXISTS (SELECT FROM pg_roles WHERE rolname = 'buurt_app' AND (rolsuper OR rolbypassrls OR rolcreaterole OR rolcreatedb)) THEN
    RAISE EXCEPTION 'the role buurt_app exists with SUPERUSER, BYPASSRLS, CREATEROLE or CREATEDB; the application must log in without them';
  ELSE
    ALTER ROLE buurt_app NOINHERIT;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- created meanwhile by a migration of another database on this server
END
$$;
-- PostgreSQL 16 and later: SET but not INHERIT per membership (NOINHERIT covers 15).
DO $$
BEGIN
  IF current_setting('server_version_num')::INTEGER >= 160000 THEN
    EXECUTE 'GRANT buurt_service, buurt_coordinator, buurt_contact, buurt_resident TO buurt_app WITH INHERIT FALSE, SET TRUE';
  ELSE
    EXECUTE 'GRANT buurt_service, buurt_coordinator, buurt_contact, buurt_resident TO buurt_app';
  END IF;
END
$$;
GRANT USAGE ON SCHEMA public TO buurt_app;
GRANT SELECT ON "_prisma_migrations" TO buurt_app;
-- The adapter's e-mail sign-in: find the user and mark the address verified (never create
-- one: the signIn callback admits active staff only), keep sessions, use a link once.
GRANT SELECT, UPDATE ON "User" TO buurt_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON "Session" TO buurt_app;
GRANT SELECT, INSERT, DELETE ON "VerificationToken" TO buurt_app;
