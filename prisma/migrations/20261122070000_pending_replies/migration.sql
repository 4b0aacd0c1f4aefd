-- AlterTable
ALTER TABLE "Conversation" ADD COLUMN     "pendingReplies" JSONB;
