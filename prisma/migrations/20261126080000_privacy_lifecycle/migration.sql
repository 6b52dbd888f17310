-- AlterTable
ALTER TABLE "Application" ADD COLUMN     "reconfirmAskedAt" TIMESTAMP(3),
ADD COLUMN     "reconfirmedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "PrivacyRequest" ADD COLUMN     "origin" "ActorKind" NOT NULL DEFAULT 'STAFF';

-- CreateIndex
CREATE INDEX "Application_status_statusChangedAt_idx" ON "Application"("status", "statusChangedAt");

-- A resident on their private link sees whether they were asked to re-confirm, and confirms.
GRANT SELECT ("reconfirmAskedAt", "reconfirmedAt") ON "Application" TO buurt_resident;
GRANT UPDATE ("reconfirmAskedAt", "reconfirmedAt") ON "Application" TO buurt_resident;
