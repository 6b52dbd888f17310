-- The inbox's subarea filter also finds the unassigned applications the address rules suggested
-- for the subarea ("voorstel: …"); this index serves that half of the filter as the
-- status/subarea/created index serves the assigned half.
CREATE INDEX "Application_status_suggestedSubareaId_createdAt_idx" ON "Application"("status", "suggestedSubareaId", "createdAt");
