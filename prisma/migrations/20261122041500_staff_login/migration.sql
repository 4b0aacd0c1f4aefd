-- AlterTable
ALTER TABLE "Verbinder" ADD COLUMN     "login" TEXT,
ADD COLUMN     "passwordHash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Verbinder_login_key" ON "Verbinder"("login");

