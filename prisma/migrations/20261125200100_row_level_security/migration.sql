-- Row-level security: the second wall behind lib/access (docs/decisions/003-row-level-security.md).
--
-- The application never queries as the table owner. Each transaction switches to one of four
-- roles and states who is asking (lib/db/scope.ts):
--   buurt_service      jobs, public intake, sign-in: everything
--   buurt_coordinator  the central mailbox: everything, audit trail append-only
--   buurt_contact      a contact person: only the people of app.subarea_ids, and only the
--                      columns the minimum-data matrix allows (name, mobile, status)
--   buurt_resident     a resident on their private link: only app.application_id
-- Policies are per role, so the coordinator's `USING (true)` costs nothing and leaves every
-- index usable (a non-leakproof search such as ILIKE cannot use an index behind a real policy).

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'buurt_service') THEN CREATE ROLE buurt_service NOLOGIN; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'buurt_coordinator') THEN CREATE ROLE buurt_coordinator NOLOGIN; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'buurt_contact') THEN CREATE ROLE buurt_contact NOLOGIN; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'buurt_resident') THEN CREATE ROLE buurt_resident NOLOGIN; END IF;
END
$$;

-- The connecting user must be allowed to SET ROLE to each of them.
GRANT buurt_service, buurt_coordinator, buurt_contact, buurt_resident TO CURRENT_USER;

-- An unset setting reads as '' once any transaction in the session has set it: '' means nobody.
CREATE FUNCTION app_subarea_ids() RETURNS INTEGER[] LANGUAGE sql STABLE AS $$
  SELECT COALESCE(string_to_array(NULLIF(current_setting('app.subarea_ids', true), ''), ',')::INTEGER[], '{}')
$$;

CREATE FUNCTION app_application_id() RETURNS INTEGER LANGUAGE sql STABLE AS $$
  SELECT NULLIF(current_setting('app.application_id', true), '')::INTEGER
$$;

GRANT USAGE ON SCHEMA public TO buurt_service, buurt_coordinator, buurt_contact, buurt_resident;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO buurt_service, buurt_coordinator, buurt_contact, buurt_resident;

-- Service and coordinator: every table; later migrations' tables too.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO buurt_service, buurt_coordinator;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO buurt_service, buurt_coordinator;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO buurt_service, buurt_coordinator, buurt_contact, buurt_resident;
REVOKE ALL ON "_prisma_migrations" FROM buurt_coordinator;
GRANT SELECT ON "_prisma_migrations" TO buurt_service;
REVOKE INSERT, UPDATE, DELETE ON "_prisma_migrations" FROM buurt_service;
-- The audit trail is append-only for people; only the retention job (service) deletes.
REVOKE UPDATE, DELETE ON "AuditEvent" FROM buurt_coordinator;

-- Contact person: name, mobile and status of their own subareas' people; nothing else readable.
GRANT SELECT (id, name, mobile, status, "subareaId", "inGroup", locale, "statusChangedAt", version) ON "Application" TO buurt_contact;
GRANT UPDATE (status, "inGroup", "statusChangedAt", version, "updatedAt") ON "Application" TO buurt_contact;
GRANT SELECT (id, name, status, "inviteLink", "memberCount", version) ON "Subarea" TO buurt_contact;
GRANT UPDATE ("memberCount", version, "updatedAt") ON "Subarea" TO buurt_contact;
GRANT INSERT ON "ApplicationEvent", "AuditEvent", "OutboxMail" TO buurt_contact;

-- Resident on their private link: their own application, without the internal notes.
GRANT SELECT (id, name, mobile, street, "houseNumber", "houseNumberSuffix", postcode, email, "emailConfirmedAt",
              locale, "rulesVersion", "rulesAcceptedAt", status, "rejectionReason", source, "subareaId", "inGroup",
              "statusChangedAt", "anonymisedAt", version, "createdAt", "updatedAt") ON "Application" TO buurt_resident;
GRANT UPDATE (name, mobile, street, "houseNumber", "houseNumberSuffix", postcode, email, "emailConfirmedAt", locale,
              status, "subareaId", "suggestedSubareaId", "matchedRuleId", "inGroup", "manageTokenHash", "anonymisedAt",
              "statusChangedAt", version, "updatedAt") ON "Application" TO buurt_resident;
GRANT SELECT (id, name, status) ON "Subarea" TO buurt_resident;
GRANT SELECT ON "AddressRule" TO buurt_resident;
GRANT SELECT, INSERT ON "ApplicationEvent", "PrivacyRequest" TO buurt_resident;
GRANT SELECT, INSERT, DELETE ON "OutboxMail" TO buurt_resident;
GRANT INSERT ON "AuditEvent" TO buurt_resident;

-- Policies. FORCE so that even the owner (outside a scope) reads nothing by accident.
ALTER TABLE "Application" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Application" FORCE ROW LEVEL SECURITY;
CREATE POLICY application_wide ON "Application" TO buurt_service, buurt_coordinator USING (true) WITH CHECK (true);
CREATE POLICY application_contact ON "Application" TO buurt_contact
  USING ("subareaId" = ANY (app_subarea_ids())
         AND (status IN ('ASSIGNED', 'ADDED', 'UNREACHABLE')
              OR ("inGroup" AND status IN ('LEFT', 'WITHDRAWN', 'REJECTED'))))
  WITH CHECK ("subareaId" = ANY (app_subarea_ids()));
CREATE POLICY application_resident ON "Application" TO buurt_resident
  USING (id = app_application_id()) WITH CHECK (id = app_application_id());

ALTER TABLE "Subarea" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Subarea" FORCE ROW LEVEL SECURITY;
CREATE POLICY subarea_wide ON "Subarea" TO buurt_service, buurt_coordinator USING (true) WITH CHECK (true);
CREATE POLICY subarea_contact ON "Subarea" TO buurt_contact USING (id = ANY (app_subarea_ids()));
CREATE POLICY subarea_resident ON "Subarea" TO buurt_resident USING (true);

ALTER TABLE "ApplicationEvent" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ApplicationEvent" FORCE ROW LEVEL SECURITY;
CREATE POLICY application_event_wide ON "ApplicationEvent" TO buurt_service, buurt_coordinator USING (true) WITH CHECK (true);
CREATE POLICY application_event_contact ON "ApplicationEvent" TO buurt_contact
  WITH CHECK (EXISTS (SELECT 1 FROM "Application" a WHERE a.id = "applicationId"));
CREATE POLICY application_event_resident ON "ApplicationEvent" TO buurt_resident
  USING ("applicationId" = app_application_id()) WITH CHECK ("applicationId" = app_application_id());

ALTER TABLE "OutboxMail" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "OutboxMail" FORCE ROW LEVEL SECURITY;
CREATE POLICY outbox_wide ON "OutboxMail" TO buurt_service, buurt_coordinator USING (true) WITH CHECK (true);
CREATE POLICY outbox_contact ON "OutboxMail" TO buurt_contact WITH CHECK ("applicationId" IS NULL);
CREATE POLICY outbox_resident ON "OutboxMail" TO buurt_resident
  USING ("applicationId" = app_application_id()) WITH CHECK ("applicationId" = app_application_id());

ALTER TABLE "PrivacyRequest" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "PrivacyRequest" FORCE ROW LEVEL SECURITY;
CREATE POLICY privacy_request_wide ON "PrivacyRequest" TO buurt_service, buurt_coordinator USING (true) WITH CHECK (true);
CREATE POLICY privacy_request_resident ON "PrivacyRequest" TO buurt_resident
  USING ("applicationId" = app_application_id()) WITH CHECK ("applicationId" = app_application_id());

ALTER TABLE "AuditEvent" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "AuditEvent" FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_wide ON "AuditEvent" TO buurt_service, buurt_coordinator USING (true) WITH CHECK (true);
CREATE POLICY audit_append ON "AuditEvent" TO buurt_contact, buurt_resident WITH CHECK (true);

ALTER TABLE "ExpansionRequest" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ExpansionRequest" FORCE ROW LEVEL SECURITY;
CREATE POLICY expansion_wide ON "ExpansionRequest" TO buurt_service, buurt_coordinator USING (true) WITH CHECK (true);

ALTER TABLE "Message" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Message" FORCE ROW LEVEL SECURITY;
CREATE POLICY message_wide ON "Message" TO buurt_service, buurt_coordinator USING (true) WITH CHECK (true);

ALTER TABLE "BlockedNumber" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "BlockedNumber" FORCE ROW LEVEL SECURITY;
CREATE POLICY blocked_number_wide ON "BlockedNumber" TO buurt_service, buurt_coordinator USING (true) WITH CHECK (true);
