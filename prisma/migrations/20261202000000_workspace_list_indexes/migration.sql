-- The contact person's workspace (issue 15): each task list is the oldest few of one status in
-- one subarea, with its count. Row-level security keeps these reads inside the contact person's
-- subareas, and PostgreSQL then uses a condition inside an index scan only if its operator is
-- leakproof; enum equality (status = 'ASSIGNED') is not, so every list walked all applications
-- of the subarea (about 50 ms at 100,000 applications). A partial index is chosen by its
-- predicate instead, which the list's own condition implies: one per list, in the list's order.
-- Prisma's schema cannot state a partial index; tests/helpers/schema-drift.ts knows these by name.
CREATE INDEX "Application_workspace_toAdd_idx" ON "Application"("subareaId", "statusChangedAt", "id") WHERE "status" = 'ASSIGNED';
CREATE INDEX "Application_workspace_unreachable_idx" ON "Application"("subareaId", "statusChangedAt", "id") WHERE "status" = 'UNREACHABLE';
CREATE INDEX "Application_workspace_toRemove_idx" ON "Application"("subareaId", "statusChangedAt", "id") WHERE "inGroup" AND "status" IN ('LEFT', 'WITHDRAWN', 'REJECTED');
CREATE INDEX "Application_workspace_members_idx" ON "Application"("subareaId", "statusChangedAt", "id") WHERE "status" = 'ADDED';
CREATE INDEX "Application_workspace_memberCheck_idx" ON "Application"("subareaId", "memberCheckOpen", "name", "id") WHERE "memberCheckOpen" IS NOT NULL AND "status" = 'ADDED' AND "inGroup";
