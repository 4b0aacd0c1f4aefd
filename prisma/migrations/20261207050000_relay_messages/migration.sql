-- The conversation between a resident and the verbinder who claimed their hand-off.
-- (No semicolons in comments: `prisma migrate deploy` with the pg adapter splits at each one.)

-- CreateTable
CREATE TABLE "RelayMessage" (
    "id" TEXT NOT NULL,
    "seq" SERIAL NOT NULL,
    "handoffId" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "authorId" TEXT,
    "text" TEXT,
    "mediaKind" TEXT,
    "savedReply" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "outcome" TEXT,
    "doneAt" TIMESTAMP(3),

    CONSTRAINT "RelayMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RelayMessage_handoffId_createdAt_idx" ON "RelayMessage"("handoffId", "createdAt");

-- AddForeignKey
ALTER TABLE "RelayMessage" ADD CONSTRAINT "RelayMessage_handoffId_fkey" FOREIGN KEY ("handoffId") REFERENCES "Handoff"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RelayMessage" ADD CONSTRAINT "RelayMessage_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Verbinder"("id") ON DELETE SET NULL ON UPDATE CASCADE;
