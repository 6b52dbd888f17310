-- An address whose street the neighbourhood does not know, with a postcode it does know, is
-- stored for a coordinator instead of refused, marked "adres niet herkend" (decision 010).
ALTER TABLE "Application" ADD COLUMN "addressUnrecognised" BOOLEAN NOT NULL DEFAULT false;

-- The street matcher reads the streets known at a postcode's four-digit area only when the rules
-- alone do not place an address; this index keeps that one query short at any size.
CREATE INDEX "Application_postcode_idx" ON "Application"("postcode");

-- The resident's correction matches the address again and sets or clears the mark.
GRANT SELECT ("addressUnrecognised"), UPDATE ("addressUnrecognised") ON "Application" TO buurt_resident;
