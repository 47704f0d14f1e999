-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "firstAgentReplyAt" TIMESTAMP(3),
ADD COLUMN     "lastAgentReplyAt" TIMESTAMP(3),
ADD COLUMN     "lastCustomerMessageAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- Fill in the clocks of requests already stored, from their threads.
UPDATE "Request" SET "lastCustomerMessageAt" = "createdAt";

UPDATE "Request" r
SET "firstAgentReplyAt" = a.first_at, "lastAgentReplyAt" = a.last_at
FROM (
  SELECT c."requestId", min(c."createdAt") AS first_at, max(c."createdAt") AS last_at
  FROM "Comment" c JOIN "User" u ON u.id = c."authorId"
  WHERE u."isAgent" AND c.visibility = 'public'
  GROUP BY c."requestId"
) a
WHERE a."requestId" = r.id;

UPDATE "Request" r
SET "lastCustomerMessageAt" = greatest(r."createdAt", m.last_at)
FROM (
  SELECT "requestId", max(at) AS last_at FROM (
    SELECT c."requestId", c."createdAt" AS at
    FROM "Comment" c JOIN "User" u ON u.id = c."authorId"
    WHERE NOT u."isAgent"
    UNION ALL
    SELECT s."requestId", cm."sentAt" AS at
    FROM "ChatMessage" cm JOIN "ChatSession" s ON s.id = cm."sessionId" JOIN "User" u ON u.id = cm."authorId"
    WHERE NOT u."isAgent"
  ) customer_messages
  GROUP BY "requestId"
) m
WHERE m."requestId" = r.id;
