-- CreateTable
CREATE TABLE "IdentityKeyCheck" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "check" TEXT NOT NULL,
    "rekeyed" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdentityKeyCheck_pkey" PRIMARY KEY ("id")
);
