-- CreateEnum
CREATE TYPE "ScanStatus" AS ENUM ('pending', 'clean', 'infected');

-- DropIndex
DROP INDEX "Attachment_requestId_idx";

-- DropIndex
DROP INDEX "Attachment_storageKey_key";

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "attachedAt" TIMESTAMP(3),
ADD COLUMN     "declaredType" TEXT,
ADD COLUMN     "scanAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "scanResult" TEXT,
ADD COLUMN     "scanStatus" "ScanStatus" NOT NULL DEFAULT 'pending',
ADD COLUMN     "scannedAt" TIMESTAMP(3),
ALTER COLUMN "requestId" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "Attachment_requestId_createdAt_idx" ON "Attachment"("requestId", "createdAt");

-- CreateIndex
CREATE INDEX "Attachment_commentId_idx" ON "Attachment"("commentId");

-- CreateIndex
CREATE INDEX "Attachment_uploaderId_attachedAt_idx" ON "Attachment"("uploaderId", "attachedAt");

-- CreateIndex
CREATE INDEX "Attachment_scanStatus_createdAt_idx" ON "Attachment"("scanStatus", "createdAt");

-- CreateIndex
CREATE INDEX "Attachment_storageKey_idx" ON "Attachment"("storageKey");

-- CreateIndex
CREATE INDEX "Attachment_attachedAt_createdAt_idx" ON "Attachment"("attachedAt", "createdAt");
