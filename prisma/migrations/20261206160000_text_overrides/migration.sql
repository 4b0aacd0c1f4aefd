-- Coordinators' wordings of resident texts, served over the shipped locale files, every change
-- to them (who, when, before and after), and the counter each process polls to know that
-- texts changed.
-- (No semicolons in comments: `prisma migrate deploy` with the pg adapter splits at each one.)

-- CreateTable
CREATE TABLE "TextOverride" (
    "language" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "sourceHash" TEXT,
    "revisionId" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TextOverride_pkey" PRIMARY KEY ("language","key")
);

-- CreateTable
CREATE TABLE "TextRevision" (
    "id" SERIAL NOT NULL,
    "language" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "before" TEXT,
    "beforeSourceHash" TEXT,
    "after" TEXT,
    "afterSourceHash" TEXT,
    "revertOf" INTEGER,
    "staffId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TextRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TextCatalogVersion" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "TextCatalogVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TextRevision_language_key_id_idx" ON "TextRevision"("language", "key", "id");

-- The one counter row.
INSERT INTO "TextCatalogVersion" ("id", "version") VALUES (1, 0);
