-- The sociale kaart: offers residents can go to, their translations, the choices residents
-- made (personal, with the contact) and the anonymous counts of those choices, and which
-- wijken border each other, for residents who travel to a neighbouring wijk.
-- (No semicolons in comments: `prisma migrate deploy` with the pg adapter splits at each one.)

-- CreateTable
CREATE TABLE "WijkNeighbour" (
    "wijkId" TEXT NOT NULL,
    "neighbourId" TEXT NOT NULL,

    CONSTRAINT "WijkNeighbour_pkey" PRIMARY KEY ("wijkId","neighbourId")
);

-- CreateTable
CREATE TABLE "Offer" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "training" TEXT,
    "wijk" TEXT NOT NULL,
    "interests" TEXT[],
    "description" TEXT NOT NULL,
    "schedule" TEXT NOT NULL,
    "location" TEXT NOT NULL,
    "contact" TEXT NOT NULL,
    "languages" TEXT[],
    "volunteerTask" TEXT,
    "timeNeeded" TEXT,
    "wheelchair" BOOLEAN,
    "busStop" BOOLEAN,
    "fromHome" BOOLEAN NOT NULL DEFAULT false,
    "nextStart" DATE,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "ownerId" TEXT,
    "checkedAt" TIMESTAMP(3) NOT NULL,
    "nudgedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Offer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfferTranslation" (
    "offerId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "description" TEXT,
    "schedule" TEXT,
    "location" TEXT,
    "volunteerTask" TEXT,

    CONSTRAINT "OfferTranslation_pkey" PRIMARY KEY ("offerId","language")
);

-- CreateTable
CREATE TABLE "OfferChoice" (
    "id" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "chosenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OfferChoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfferChoiceCount" (
    "offerId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "wijk" TEXT NOT NULL DEFAULT '',
    "action" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "OfferChoiceCount_pkey" PRIMARY KEY ("offerId","month","wijk","action")
);

-- CreateIndex
CREATE INDEX "Offer_wijk_active_idx" ON "Offer"("wijk", "active");

-- CreateIndex
CREATE INDEX "Offer_ownerId_idx" ON "Offer"("ownerId");

-- CreateIndex
CREATE UNIQUE INDEX "Offer_name_wijk_key" ON "Offer"("name", "wijk");

-- CreateIndex
CREATE INDEX "OfferChoice_contactId_idx" ON "OfferChoice"("contactId");

-- CreateIndex
CREATE INDEX "OfferChoice_offerId_idx" ON "OfferChoice"("offerId");

-- AddForeignKey
ALTER TABLE "WijkNeighbour" ADD CONSTRAINT "WijkNeighbour_wijkId_fkey" FOREIGN KEY ("wijkId") REFERENCES "Wijk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WijkNeighbour" ADD CONSTRAINT "WijkNeighbour_neighbourId_fkey" FOREIGN KEY ("neighbourId") REFERENCES "Wijk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Verbinder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferTranslation" ADD CONSTRAINT "OfferTranslation_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferChoice" ADD CONSTRAINT "OfferChoice_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferChoice" ADD CONSTRAINT "OfferChoice_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferChoiceCount" ADD CONSTRAINT "OfferChoiceCount_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Seed: the borders between the seeded wijkteam areas, following the map of the stadsdelen
-- of Eindhoven (to be confirmed with WIJeindhoven, and changed as data). Both directions are
-- stored. A wijk that was removed before this migration is skipped.
INSERT INTO "WijkNeighbour" ("wijkId", "neighbourId")
SELECT pair.a, pair.b
FROM (
  SELECT a, b FROM (VALUES
    ('centrum', 'stratum'),
    ('centrum', 'gestel'),
    ('centrum', 'strijp-meerhoven'),
    ('centrum', 'tongelre'),
    ('centrum', 'woensel-zuidwest'),
    ('stratum', 'gestel'),
    ('stratum', 'tongelre'),
    ('gestel', 'strijp-meerhoven'),
    ('strijp-meerhoven', 'woensel-zuidwest'),
    ('woensel-zuidwest', 'woensel-noord')
  ) AS border(a, b)
  UNION
  SELECT b, a FROM (VALUES
    ('centrum', 'stratum'),
    ('centrum', 'gestel'),
    ('centrum', 'strijp-meerhoven'),
    ('centrum', 'tongelre'),
    ('centrum', 'woensel-zuidwest'),
    ('stratum', 'gestel'),
    ('stratum', 'tongelre'),
    ('gestel', 'strijp-meerhoven'),
    ('strijp-meerhoven', 'woensel-zuidwest'),
    ('woensel-zuidwest', 'woensel-noord')
  ) AS border(a, b)
) AS pair
JOIN "Wijk" AS one ON one."id" = pair.a
JOIN "Wijk" AS other ON other."id" = pair.b
ON CONFLICT DO NOTHING;
