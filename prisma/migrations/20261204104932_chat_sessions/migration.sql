-- CreateEnum
CREATE TYPE "ChatStatus" AS ENUM ('waiting', 'active', 'ended');

-- CreateEnum
CREATE TYPE "ChatEndedBy" AS ENUM ('customer', 'agent', 'idle');

-- AlterTable
ALTER TABLE "ChatSession" ADD COLUMN     "acceptedAt" TIMESTAMP(3),
ADD COLUMN     "agentId" TEXT,
ADD COLUMN     "endedBy" "ChatEndedBy",
ADD COLUMN     "lastMessageAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "status" "ChatStatus" NOT NULL DEFAULT 'waiting';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "chatAvailable" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "chatSeenAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "ChatSession_status_startedAt_idx" ON "ChatSession"("status", "startedAt");

-- CreateIndex
CREATE INDEX "ChatSession_agentId_status_idx" ON "ChatSession"("agentId", "status");

-- AddForeignKey
ALTER TABLE "ChatSession" ADD CONSTRAINT "ChatSession_agentId_fkey" FOREIGN KEY ("agentId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Chats recorded before live chat existed are transcripts: ended.
UPDATE "ChatSession" SET "status" = 'ended', "lastMessageAt" = COALESCE("endedAt", "startedAt") WHERE "endedAt" IS NOT NULL;
