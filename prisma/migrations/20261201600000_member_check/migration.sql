-- The yearly member check (issue 16 part 2; lib/members/member-check.ts).
CREATE TYPE "MemberCheckOpen" AS ENUM ('UNANSWERED', 'ASK_IN_PERSON');

ALTER TABLE "Application"
  ADD COLUMN "memberCheckAskedAt" TIMESTAMP(3),
  ADD COLUMN "memberCheckRemindedAt" TIMESTAMP(3),
  ADD COLUMN "memberConfirmedAt" TIMESTAMP(3),
  ADD COLUMN "memberCheckOpen" "MemberCheckOpen";

-- Resident on their private link: sees whether they were asked, and confirms ("ik woon hier nog").
GRANT SELECT ("memberCheckAskedAt", "memberConfirmedAt") ON "Application" TO buurt_resident;
GRANT UPDATE ("memberConfirmedAt", "memberCheckOpen") ON "Application" TO buurt_resident;

-- Contact person: only why a member is on the list, and "houden" (which resets the check).
-- Not when they were asked or reminded: that is the resident's mail, not the group's business.
GRANT SELECT ("memberCheckOpen") ON "Application" TO buurt_contact;
GRANT UPDATE ("memberConfirmedAt", "memberCheckOpen") ON "Application" TO buurt_contact;

-- Only the check itself (the service scope) puts someone on the contact person's list; a
-- resident or a contact person may only take them off it (by confirming, or "houden").
CREATE FUNCTION app_check_member_check_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."memberCheckOpen" IS NOT NULL AND NEW."memberCheckOpen" IS DISTINCT FROM OLD."memberCheckOpen" THEN
    RAISE EXCEPTION 'permission denied: only the member check puts someone on the list' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER application_member_check_wall BEFORE UPDATE ON "Application"
  FOR EACH ROW WHEN (current_user IN ('buurt_contact', 'buurt_resident'))
  EXECUTE FUNCTION app_check_member_check_update();
