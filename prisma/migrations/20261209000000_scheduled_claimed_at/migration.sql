-- When a scheduled message was claimed for sending: a claim older than a few minutes belongs
-- to a process that died before it finished, and another worker takes the message over.
-- (No semicolons in comments: `prisma migrate deploy` with the pg adapter splits at each one.)

-- AlterTable
ALTER TABLE "ScheduledMessage" ADD COLUMN "claimedAt" TIMESTAMP(3);
