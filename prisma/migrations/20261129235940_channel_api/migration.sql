-- AlterEnum
ALTER TYPE "Channel" ADD VALUE 'api';
