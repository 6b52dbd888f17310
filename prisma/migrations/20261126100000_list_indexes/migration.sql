-- The contact person's lists (to add, to remove, unreachable, in the group) are read under
-- row-level security, where the planner may not use the query's status condition in an index
-- (enum comparisons are not leakproof). Walking this index in date order, filtering status on
-- the way, finds a list's first 20 people in a fraction of a millisecond at 100,000 rows instead
-- of reading the whole subarea.
CREATE INDEX "Application_subareaId_statusChangedAt_idx" ON "Application"("subareaId", "statusChangedAt");

-- The inbox filtered on a subarea and several statuses, newest first: walking the subarea's rows
-- in date order finds a page in 0.2 ms at 100,000 rows; the (status, subarea, created) index
-- serves one status, but for several PostgreSQL walked all applications by date (8 ms).
CREATE INDEX "Application_subareaId_createdAt_idx" ON "Application"("subareaId", "createdAt");

-- The contact person's list totals count a subarea's rows by status and group membership, the
-- very columns of its row-level security policy: with "inGroup" in the index that count is an
-- index-only scan (2 ms instead of 18 ms at 100,000 rows). It serves every (subarea, status)
-- lookup the index it replaces did.
DROP INDEX "Application_subareaId_status_idx";
CREATE INDEX "Application_subareaId_status_inGroup_idx" ON "Application"("subareaId", "status", "inGroup");
