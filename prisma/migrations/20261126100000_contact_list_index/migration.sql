-- The contact person's lists (to add, to remove, unreachable, in the group) are read under
-- row-level security, where the planner may not use the query's status condition in an index
-- (enum comparisons are not leakproof). Walking this index in date order, filtering status on
-- the way, finds a list's first 20 people in a fraction of a millisecond at 100,000 rows instead
-- of reading the whole subarea.
CREATE INDEX "Application_subareaId_statusChangedAt_idx" ON "Application"("subareaId", "statusChangedAt");
