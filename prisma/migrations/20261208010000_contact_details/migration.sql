-- Ways to reach a resident they gave for a purpose (a phone number to be called back on,
-- their Telegram username), erased with their contact. The languages a verbinder speaks,
-- so a hand-off goes to one who speaks the resident's. When an unanswered message of a
-- resident reminded its verbinder, and when it went to the wijkteam.
-- (No semicolons in comments: `prisma migrate deploy` with the pg adapter splits at each one.)

-- CreateTable
CREATE TABLE "ContactDetail" (
    "id" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ContactDetail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ContactDetail_contactId_kind_purpose_key" ON "ContactDetail"("contactId", "kind", "purpose");

-- AddForeignKey
ALTER TABLE "ContactDetail" ADD CONSTRAINT "ContactDetail_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "Verbinder" ADD COLUMN "languages" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "RelayMessage" ADD COLUMN "remindedAt" TIMESTAMP(3),
ADD COLUMN "escalatedAt" TIMESTAMP(3);
