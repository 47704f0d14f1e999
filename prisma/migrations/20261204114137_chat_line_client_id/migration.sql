-- AlterTable
ALTER TABLE "ChatMessage" ADD COLUMN     "clientId" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "ChatMessage_sessionId_authorId_clientId_key" ON "ChatMessage"("sessionId", "authorId", "clientId");
