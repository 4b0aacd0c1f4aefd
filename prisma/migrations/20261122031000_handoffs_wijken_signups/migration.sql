-- AlterTable
ALTER TABLE "Answer" ADD COLUMN     "indicator" TEXT;

-- AlterTable
ALTER TABLE "Handoff" ADD COLUMN     "claimedAt" TIMESTAMP(3),
ADD COLUMN     "claimedById" TEXT,
ADD COLUMN     "closedAt" TIMESTAMP(3),
ADD COLUMN     "escalatedAt" TIMESTAMP(3),
ADD COLUMN     "number" SERIAL NOT NULL,
ADD COLUMN     "ownerId" TEXT,
ADD COLUMN     "remindedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Wijk" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Wijk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Verbinder" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'verbinder',
    "wijkId" TEXT,
    "language" TEXT NOT NULL DEFAULT 'nl',
    "channel" TEXT,
    "externalId" TEXT,
    "linkedAt" TIMESTAMP(3),
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Verbinder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LinkCode" (
    "id" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "verbinderId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LinkCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LinkAttempt" (
    "id" TEXT NOT NULL,
    "identityKey" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LinkAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignUp" (
    "id" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "helperGain" TEXT,
    "availability" TEXT[],
    "mobility" TEXT,
    "wijk" TEXT,
    "contactPreference" TEXT,
    "correction" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "matchKind" TEXT,
    "matchedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SignUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "flow" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    "outcome" TEXT,
    "createdBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Verbinder_wijkId_idx" ON "Verbinder"("wijkId");

-- CreateIndex
CREATE UNIQUE INDEX "Verbinder_channel_externalId_key" ON "Verbinder"("channel", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "LinkCode_codeHash_key" ON "LinkCode"("codeHash");

-- CreateIndex
CREATE INDEX "LinkAttempt_identityKey_at_idx" ON "LinkAttempt"("identityKey", "at");

-- CreateIndex
CREATE UNIQUE INDEX "SignUp_runId_key" ON "SignUp"("runId");

-- CreateIndex
CREATE INDEX "SignUp_status_wijk_idx" ON "SignUp"("status", "wijk");

-- CreateIndex
CREATE INDEX "SignUp_contactId_idx" ON "SignUp"("contactId");

-- CreateIndex
CREATE INDEX "Invitation_sentAt_dueAt_idx" ON "Invitation"("sentAt", "dueAt");

-- CreateIndex
CREATE INDEX "Answer_indicator_idx" ON "Answer"("indicator");

-- CreateIndex
CREATE UNIQUE INDEX "Handoff_number_key" ON "Handoff"("number");

-- AddForeignKey
ALTER TABLE "Handoff" ADD CONSTRAINT "Handoff_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Verbinder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Handoff" ADD CONSTRAINT "Handoff_claimedById_fkey" FOREIGN KEY ("claimedById") REFERENCES "Verbinder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Verbinder" ADD CONSTRAINT "Verbinder_wijkId_fkey" FOREIGN KEY ("wijkId") REFERENCES "Wijk"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LinkCode" ADD CONSTRAINT "LinkCode_verbinderId_fkey" FOREIGN KEY ("verbinderId") REFERENCES "Verbinder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignUp" ADD CONSTRAINT "SignUp_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Seed: the wijkteam areas the evaluation names. WIJeindhoven has eight teams, the eighth
-- is to be confirmed and can be added with `npm run bloei -- wijk add`.
INSERT INTO "Wijk" ("id", "name", "sortOrder") VALUES
  ('centrum', 'Centrum', 1),
  ('gestel', 'Gestel', 2),
  ('stratum', 'Stratum', 3),
  ('strijp-meerhoven', 'Strijp / Meerhoven', 4),
  ('tongelre', 'Tongelre', 5),
  ('woensel-zuidwest', 'Woensel-Zuidwest', 6),
  ('woensel-noord', 'Woensel-Noord / Ontginning', 7)
ON CONFLICT ("id") DO NOTHING;
