-- The contact person's workspace (issue 7): rule-violation reports to the coordinator.

-- CreateEnum
CREATE TYPE "ViolationReason" AS ENUM ('SOCIAL_MESSAGES', 'NO_112_FIRST', 'OFFENSIVE', 'SHARES_PERSONAL_DATA', 'OTHER');

-- CreateEnum
CREATE TYPE "ViolationReportStatus" AS ENUM ('OPEN', 'HANDLED');

-- CreateTable
CREATE TABLE "ViolationReport" (
    "id" SERIAL NOT NULL,
    "applicationId" INTEGER NOT NULL,
    "subareaId" INTEGER NOT NULL,
    "reportedById" TEXT NOT NULL,
    "reason" "ViolationReason" NOT NULL,
    "note" TEXT,
    "status" "ViolationReportStatus" NOT NULL DEFAULT 'OPEN',
    "handledAt" TIMESTAMP(3),
    "handledById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ViolationReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ViolationReport_status_createdAt_idx" ON "ViolationReport"("status", "createdAt");

-- CreateIndex
CREATE INDEX "ViolationReport_applicationId_idx" ON "ViolationReport"("applicationId");

-- AddForeignKey
ALTER TABLE "ViolationReport" ADD CONSTRAINT "ViolationReport_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ViolationReport" ADD CONSTRAINT "ViolationReport_subareaId_fkey" FOREIGN KEY ("subareaId") REFERENCES "Subarea"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security (see *_row_level_security). Service and coordinator have every table by
-- default privileges. A contact person may only file a report (INSERT, no RETURNING) about
-- someone in the group of one of their own subareas, and read nothing back. A resident who
-- erases their data clears the note about them without being able to read it.
GRANT SELECT, INSERT, UPDATE, DELETE ON "ViolationReport" TO buurt_service, buurt_coordinator;
GRANT INSERT ON "ViolationReport" TO buurt_contact;
GRANT SELECT ("applicationId"), UPDATE (note) ON "ViolationReport" TO buurt_resident;

ALTER TABLE "ViolationReport" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ViolationReport" FORCE ROW LEVEL SECURITY;
CREATE POLICY violation_report_wide ON "ViolationReport" TO buurt_service, buurt_coordinator USING (true) WITH CHECK (true);
CREATE POLICY violation_report_contact ON "ViolationReport" TO buurt_contact
  WITH CHECK ("subareaId" = ANY (app_subarea_ids())
              AND "reportedById" = current_setting('app.user_id', true)
              AND EXISTS (SELECT 1 FROM "Application" a
                          WHERE a.id = "applicationId" AND a."subareaId" = "ViolationReport"."subareaId" AND a."inGroup"));
CREATE POLICY violation_report_resident ON "ViolationReport" TO buurt_resident
  USING ("applicationId" = app_application_id()) WITH CHECK ("applicationId" = app_application_id());
