-- CreateEnum
CREATE TYPE "ReminderChoice" AS ENUM ('NONE', 'MINUTES_15', 'MINUTES_30', 'MINUTES_60', 'WALK_PLUS_10');

-- CreateTable
CREATE TABLE "ItineraryShare" (
    "id" SERIAL NOT NULL,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "days" TEXT[],
    "showName" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ItineraryShare_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReminderSetting" (
    "userId" TEXT NOT NULL,
    "choice" "ReminderChoice" NOT NULL DEFAULT 'NONE',
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ReminderSetting_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ItineraryShare_tokenHash_key" ON "ItineraryShare"("tokenHash");

-- CreateIndex
CREATE INDEX "ItineraryShare_userId_revokedAt_idx" ON "ItineraryShare"("userId", "revokedAt");

-- AddForeignKey
ALTER TABLE "ItineraryShare" ADD CONSTRAINT "ItineraryShare_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderSetting" ADD CONSTRAINT "ReminderSetting_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

