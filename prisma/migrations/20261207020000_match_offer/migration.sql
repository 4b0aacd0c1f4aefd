-- A WIJ match with an ontwikkelplaats picked from the sociale kaart: counted per place.
ALTER TABLE "Match" ADD COLUMN "offerId" TEXT;

CREATE INDEX "Match_offerId_idx" ON "Match"("offerId");

ALTER TABLE "Match" ADD CONSTRAINT "Match_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE SET NULL ON UPDATE CASCADE;
