-- One Message-ID per outbox mail, chosen when it is enqueued and used for every attempt, so a
-- mail sent again after an unrecorded success is recognisable as the same mail (issue 18).
ALTER TABLE "OutboxMail" ADD COLUMN "messageId" TEXT;
UPDATE "OutboxMail" SET "messageId" = '<' || gen_random_uuid()::text || '@outbox.invalid>';
ALTER TABLE "OutboxMail" ALTER COLUMN "messageId" SET NOT NULL;
CREATE UNIQUE INDEX "OutboxMail_messageId_key" ON "OutboxMail"("messageId");
