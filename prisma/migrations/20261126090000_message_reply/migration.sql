-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "reply" TEXT;
