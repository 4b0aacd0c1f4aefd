-- The staff's test chat on the dashboard: what a staff member's test resident wrote and what
-- Bloei answered, read by the page.
-- (No semicolons in comments: `prisma migrate deploy` with the pg adapter splits at each one.)

-- CreateTable
CREATE TABLE "WebchatMessage" (
    "id" SERIAL NOT NULL,
    "userId" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "choices" JSONB NOT NULL DEFAULT '[]',
    "ref" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebchatMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WebchatMessage_userId_id_idx" ON "WebchatMessage"("userId", "id");
