-- Mailbox intake and spreadsheet import: drafts between upload and saving (lib/intake).

-- CreateTable
CREATE TABLE "MailDraft" (
    "id" SERIAL NOT NULL,
    "createdById" TEXT NOT NULL,
    "fileName" TEXT,
    "mailText" TEXT NOT NULL,
    "name" TEXT,
    "mobile" TEXT,
    "street" TEXT,
    "houseNumber" TEXT,
    "houseNumberSuffix" TEXT,
    "postcode" TEXT,
    "email" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MailDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" SERIAL NOT NULL,
    "createdById" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MailDraft_createdAt_idx" ON "MailDraft"("createdAt");

-- CreateIndex
CREATE INDEX "ImportBatch_createdAt_idx" ON "ImportBatch"("createdAt");

-- Only coordinators (and the service role's clean-up job) see drafts: they hold the personal
-- data of mails and spreadsheets that are not applications yet. The default privileges of the
-- row-level-security migration already grant both roles; say it explicitly and add policies
-- like every other table's, so the owner outside a scope reads nothing.
GRANT SELECT, INSERT, UPDATE, DELETE ON "MailDraft", "ImportBatch" TO buurt_service, buurt_coordinator;
ALTER TABLE "MailDraft" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "MailDraft" FORCE ROW LEVEL SECURITY;
CREATE POLICY mail_draft_wide ON "MailDraft" TO buurt_service, buurt_coordinator USING (true) WITH CHECK (true);
ALTER TABLE "ImportBatch" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ImportBatch" FORCE ROW LEVEL SECURITY;
CREATE POLICY import_batch_wide ON "ImportBatch" TO buurt_service, buurt_coordinator USING (true) WITH CHECK (true);
