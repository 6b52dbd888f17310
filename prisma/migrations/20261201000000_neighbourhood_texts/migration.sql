-- Texts that belong to the neighbourhood, edited by a coordinator in the console instead of in
-- the message files: which streets and roads bound the area, what lies outside it, the volunteer
-- introduction and its example streets. A key without a row shows Dieren-West's default text.
CREATE TABLE "NeighbourhoodText" (
    "key" TEXT NOT NULL,
    "nl" TEXT NOT NULL,
    "en" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NeighbourhoodText_pkey" PRIMARY KEY ("key")
);

-- Public pages read them through the service scope; the coordinator edits them. Contact persons
-- and residents have no use for the table (no grant).
GRANT SELECT ON "NeighbourhoodText" TO buurt_service;
GRANT SELECT, INSERT, UPDATE, DELETE ON "NeighbourhoodText" TO buurt_coordinator;
