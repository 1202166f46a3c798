// What a writer of the programme (seed, import, organiser edit) calls after its transaction
// committed. The database triggers of migration 20261201160000 already NOTIFY every instance on
// commit; this also makes THIS instance re-read the version before the writer answers, so an
// organiser is never shown a page older than the change they were just told is saved.
import { prisma } from "../db";
import { programmeVersion } from "../cache/programme-reads";
import { PROGRAMME_CHANNEL } from "../cache/programme-version";

export async function announceProgrammeChange(): Promise<void> {
  // Explicit too, for writers that bypass the triggered tables' statements (e.g. a restore).
  await prisma.$executeRaw`SELECT pg_notify(${PROGRAMME_CHANNEL}, 'announced')`;
  await programmeVersion.changed();
}
