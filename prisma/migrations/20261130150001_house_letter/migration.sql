-- House numbers as the Dutch address register (BAG) models them: number, letter, addition
-- (12A-2 = 12 + A + 2). The letter gets its own column; "houseNumberSuffix" keeps the addition
-- (huisnummertoevoeging). Existing additions are split as lib/applications/parse-house-number.ts
-- splits typed ones: a single letter, alone or before a separator or digits, is the letter
-- ("a" → A, "A-2" → A + 2, "b3" → B + 3); everything else stays the addition, in capitals.
ALTER TABLE "Application" ADD COLUMN "houseLetter" TEXT;

UPDATE "Application"
SET "houseLetter" = upper(substr(btrim("houseNumberSuffix"), 1, 1)),
    "houseNumberSuffix" = NULLIF(upper(regexp_replace(substr(btrim("houseNumberSuffix"), 2), '^[-/. ]+', '')), '')
WHERE "houseNumberSuffix" ~ '^\s*[A-Za-z]([-/. ]+[A-Za-z0-9]{1,4}|[0-9]{1,4})?\s*$';

UPDATE "Application"
SET "houseNumberSuffix" = NULLIF(upper(regexp_replace(btrim("houseNumberSuffix"), '^[-/. ]+', '')), '')
WHERE "houseLetter" IS NULL AND "houseNumberSuffix" IS NOT NULL;

-- The resident reads and corrects their own letter, as they do the number and the addition.
GRANT SELECT ("houseLetter"), UPDATE ("houseLetter") ON "Application" TO buurt_resident;
