-- CreateEnum
CREATE TYPE "MailKind" AS ENUM ('agent_reply', 'request_solved', 'reminder', 'acknowledgement', 'cc_added', 'new_request', 'customer_reply', 'assigned', 'password_reset');

-- CreateEnum
CREATE TYPE "OutboundMailStatus" AS ENUM ('queued', 'sending', 'sent', 'kept', 'failed', 'suppressed');

-- CreateEnum
CREATE TYPE "InboundTransport" AS ENUM ('smtp', 'imap', 'webhook');

-- CreateEnum
CREATE TYPE "InboundMailStatus" AS ENUM ('received', 'appended', 'created', 'held', 'automatic', 'unparseable', 'discarded');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AuditEventType" ADD VALUE 'password_reset_requested';
ALTER TYPE "AuditEventType" ADD VALUE 'password_reset';

-- AlterEnum
ALTER TYPE "RequestEventType" ADD VALUE 'auto_reply_received';

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "mailOff" "MailKind"[] DEFAULT ARRAY[]::"MailKind"[];

-- CreateTable
CREATE TABLE "OutboundMail" (
    "id" TEXT NOT NULL,
    "kind" "MailKind" NOT NULL,
    "requestId" INTEGER,
    "recipientId" TEXT,
    "toAddress" TEXT NOT NULL,
    "fromHeader" TEXT NOT NULL,
    "replyTo" TEXT,
    "subject" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "inReplyTo" TEXT,
    "references" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "headers" JSONB NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "locale" "Locale" NOT NULL,
    "status" "OutboundMailStatus" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboundMail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UndeliverableAddress" (
    "address" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "mailId" TEXT,
    "markedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UndeliverableAddress_pkey" PRIMARY KEY ("address")
);

-- CreateTable
CREATE TABLE "InboundMail" (
    "id" TEXT NOT NULL,
    "messageId" TEXT NOT NULL,
    "transport" "InboundTransport" NOT NULL,
    "raw" BYTEA NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "fromAddress" TEXT,
    "fromName" TEXT,
    "subject" TEXT,
    "status" "InboundMailStatus" NOT NULL DEFAULT 'received',
    "reason" TEXT,
    "detail" TEXT,
    "requestId" INTEGER,
    "commentId" TEXT,
    "senderId" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "handledAt" TIMESTAMP(3),
    "handledById" TEXT,

    CONSTRAINT "InboundMail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MailboxLease" (
    "mailbox" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MailboxLease_pkey" PRIMARY KEY ("mailbox")
);

-- CreateTable
CREATE TABLE "PasswordReset" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordReset_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OutboundMail_messageId_key" ON "OutboundMail"("messageId");

-- CreateIndex
CREATE INDEX "OutboundMail_status_nextAttemptAt_idx" ON "OutboundMail"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboundMail_createdAt_id_idx" ON "OutboundMail"("createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "OutboundMail_status_createdAt_id_idx" ON "OutboundMail"("status", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "OutboundMail_requestId_createdAt_idx" ON "OutboundMail"("requestId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "InboundMail_messageId_key" ON "InboundMail"("messageId");

-- CreateIndex
CREATE UNIQUE INDEX "InboundMail_commentId_key" ON "InboundMail"("commentId");

-- CreateIndex
CREATE INDEX "InboundMail_status_receivedAt_idx" ON "InboundMail"("status", "receivedAt");

-- CreateIndex
CREATE INDEX "InboundMail_fromAddress_receivedAt_idx" ON "InboundMail"("fromAddress", "receivedAt");

-- CreateIndex
CREATE INDEX "InboundMail_requestId_idx" ON "InboundMail"("requestId");

-- CreateIndex
CREATE INDEX "InboundMail_receivedAt_id_idx" ON "InboundMail"("receivedAt" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "PasswordReset_tokenHash_key" ON "PasswordReset"("tokenHash");

-- CreateIndex
CREATE INDEX "PasswordReset_userId_createdAt_idx" ON "PasswordReset"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "PasswordReset_expiresAt_idx" ON "PasswordReset"("expiresAt");

-- AddForeignKey
ALTER TABLE "OutboundMail" ADD CONSTRAINT "OutboundMail_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboundMail" ADD CONSTRAINT "OutboundMail_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InboundMail" ADD CONSTRAINT "InboundMail_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InboundMail" ADD CONSTRAINT "InboundMail_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InboundMail" ADD CONSTRAINT "InboundMail_senderId_fkey" FOREIGN KEY ("senderId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InboundMail" ADD CONSTRAINT "InboundMail_handledById_fkey" FOREIGN KEY ("handledById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordReset" ADD CONSTRAINT "PasswordReset_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
