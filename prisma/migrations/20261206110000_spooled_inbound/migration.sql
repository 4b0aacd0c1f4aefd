-- CreateTable
CREATE TABLE "SpooledInbound" (
    "id" BIGSERIAL NOT NULL,
    "channel" TEXT NOT NULL,
    "messageKey" TEXT NOT NULL,
    "chatKey" TEXT NOT NULL,
    "content" JSONB,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "sentAt" TIMESTAMP(3) NOT NULL,
    "spooledAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "errorName" TEXT,
    "errorCode" TEXT,
    "settledAt" TIMESTAMP(3),

    CONSTRAINT "SpooledInbound_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SpooledInbound_messageKey_key" ON "SpooledInbound"("messageKey");

-- CreateIndex
CREATE INDEX "SpooledInbound_chatKey_status_sentAt_idx" ON "SpooledInbound"("chatKey", "status", "sentAt");

-- CreateIndex
CREATE INDEX "SpooledInbound_status_channel_idx" ON "SpooledInbound"("status", "channel");
