-- The inbox's count of one subarea (issue 15): its assigned applications plus its unassigned ones
-- the address rules suggested for it. As one condition PostgreSQL had to read every matching row
-- from the table (about 2,400 pages, 10 ms at 100,000 applications); counted apart, each part is
-- answered from an index alone, and the suggested part needs "subareaId" IS NULL in its index.
-- A partial index states that, and the page's query (the same two parts, OR-ed) still uses it.
-- Prisma's schema cannot state a partial index; tests/helpers/schema-drift.ts knows that.
DROP INDEX "Application_status_suggestedSubareaId_createdAt_idx";
CREATE INDEX "Application_inbox_suggested_idx" ON "Application"("status", "suggestedSubareaId", "createdAt") WHERE "subareaId" IS NULL;
