-- CreateEnum
CREATE TYPE "ChangeSubject" AS ENUM ('EVENT', 'VENUE', 'NATIONAL_DAY');

-- CreateEnum
CREATE TYPE "ChangeAction" AS ENUM ('CREATE', 'UPDATE', 'CANCEL', 'DELETE');

-- AlterEnum
ALTER TYPE "EventSource" ADD VALUE 'ORGANISER';

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "SavedEvent" ADD COLUMN     "changesSeenAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "ChangeLogEntry" (
    "id" SERIAL NOT NULL,
    "subject" "ChangeSubject" NOT NULL,
    "action" "ChangeAction" NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectId" INTEGER NOT NULL,
    "subjectSlug" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "fields" JSONB NOT NULL,
    "day" DATE,
    "venueId" INTEGER,
    "actorId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChangeLogEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChangeLogEntry_createdAt_id_idx" ON "ChangeLogEntry"("createdAt", "id");

-- CreateIndex
CREATE INDEX "ChangeLogEntry_kind_id_idx" ON "ChangeLogEntry"("kind", "id");

-- CreateIndex
CREATE INDEX "ChangeLogEntry_subject_subjectId_createdAt_idx" ON "ChangeLogEntry"("subject", "subjectId", "createdAt");

-- CreateIndex
CREATE INDEX "ChangeLogEntry_day_createdAt_idx" ON "ChangeLogEntry"("day", "createdAt");

-- CreateIndex
CREATE INDEX "ChangeLogEntry_venueId_createdAt_idx" ON "ChangeLogEntry"("venueId", "createdAt");

-- AddForeignKey
ALTER TABLE "ChangeLogEntry" ADD CONSTRAINT "ChangeLogEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

