-- A resident erasing their own data must be able to clear the internal notes about them,
-- without being able to read them (lib/privacy/erase-application.ts).
GRANT UPDATE (notes) ON "Application" TO buurt_resident;
