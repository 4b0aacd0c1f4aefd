-- Who exported which residents' records for the registration system, with which filters, how
-- many rows and when: the log the privacy officer reads.
-- (No semicolons in comments: `prisma migrate deploy` with the pg adapter splits at each one.)

-- CreateTable
CREATE TABLE "ExportLog" (
    "id" TEXT NOT NULL,
    "staffId" TEXT NOT NULL,
    "staffName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "filters" JSONB NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExportLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ExportLog_at_idx" ON "ExportLog"("at");
