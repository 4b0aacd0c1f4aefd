-- The outbox replaces the replies a conversation kept as pending: every message Bloei sends
-- is written with the change that causes it and sent after commit.
ALTER TABLE "Conversation" DROP COLUMN "pendingReplies";
CREATE INDEX "Conversation_updatedAt_idx" ON "Conversation"("updatedAt");

ALTER TABLE "Handoff" ADD COLUMN "alertRaisedAt" TIMESTAMP(3),
ADD COLUMN "alertedAt" TIMESTAMP(3);
-- Open hand-offs whose alert never reached anyone, for the maintenance job.
UPDATE "Handoff" SET "alertRaisedAt" = "createdAt", "alertedAt" = "createdAt";

CREATE INDEX "ProcessedInbound_processedAt_idx" ON "ProcessedInbound"("processedAt");

CREATE TABLE "OutboxChat" (
    "key" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "lastSeq" INTEGER NOT NULL DEFAULT 0,
    "doneSeq" INTEGER NOT NULL DEFAULT 0,
    "leasedBy" TEXT,
    "leasedUntil" TIMESTAMP(3),
    "forget" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxChat_pkey" PRIMARY KEY ("key")
);
-- Chats with messages to send: what a sweeper looks at every second stays small.
CREATE INDEX "OutboxChat_pending_idx" ON "OutboxChat"("channel", "leasedUntil")
    WHERE "lastSeq" > "doneSeq";

CREATE TABLE "OutboxMessage" (
    "chatKey" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "body" JSONB,
    "subject" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "once" BOOLEAN NOT NULL DEFAULT false,
    "startedAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "doneAt" TIMESTAMP(3),
    "outcome" TEXT,
    "platformId" TEXT,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("chatKey","seq")
);
CREATE INDEX "OutboxMessage_subject_idx" ON "OutboxMessage"("subject");
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_chatKey_fkey" FOREIGN KEY ("chatKey") REFERENCES "OutboxChat"("key") ON DELETE CASCADE ON UPDATE CASCADE;
