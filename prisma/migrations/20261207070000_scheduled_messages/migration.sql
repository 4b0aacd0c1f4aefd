-- Messages Bloei sends on its own initiative at a set time: kind, channel, contact, due time
-- and state. Erased with their contact.
-- (No semicolons in comments: `prisma migrate deploy` with the pg adapter splits at each one.)

-- CreateTable
CREATE TABLE "ScheduledMessage" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "ScheduledMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ScheduledMessage_contactId_kind_subject_key" ON "ScheduledMessage"("contactId", "kind", "subject");

-- CreateIndex
CREATE INDEX "ScheduledMessage_state_dueAt_idx" ON "ScheduledMessage"("state", "dueAt");

-- AddForeignKey
ALTER TABLE "ScheduledMessage" ADD CONSTRAINT "ScheduledMessage_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Who said whether a match lasted: a verbinder, or the residents' last check-up.
-- AlterTable
ALTER TABLE "Match" ADD COLUMN "lastingBy" TEXT;
