// Which programme version this instance serves, known in memory so that a cached public read costs
// no query (docs/decisions/017). Every instance LISTENs on PROGRAMME_CHANNEL; a trigger on the
// programme tables (migration 20261201160000) NOTIFYs on commit of any change — seed, import,
// organiser edit — and announceProgrammeChange() NOTIFYs explicitly as well. A notification makes
// the instance re-read the version (one aggregate query), so a change reaches every instance's
// cache within a round trip.
//
// Without a working LISTEN connection (not started: tests and scripts; or lost: the database
// restarted) the version is checked with a query instead: on every call when listening was never
// started (exactly the old behaviour), at most every FALLBACK_CHECK_MS while reconnecting. If that
// check fails too (the database is away), the last known version is served, so answers already
// cached keep being served through an outage.
import { Client } from "pg";

export const PROGRAMME_CHANNEL = "programme_version";
const FALLBACK_CHECK_MS = 1_000;
const RECONNECT_MS = 1_000;

export interface ProgrammeVersionOptions {
  readVersion: () => Promise<string>;
  connectionString: () => string;
  now?: () => number;
}

export class ProgrammeVersionWatcher {
  private known: string | null = null;
  private checkedAt = 0;
  private reading: Promise<string> | null = null;
  private readsStarted = 0;
  private newestStored = 0;
  private client: Client | null = null;
  private started = false;
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | null = null;
  /** Whether a LISTEN connection is up right now. */
  listening = false;
  /** Notifications received, for tests. */
  notifications = 0;

  /** Started, but the LISTEN connection is down: the database is probably away (lib/http/database-outage.ts). */
  get connectionLost(): boolean {
    return this.started && !this.closed && !this.listening;
  }

  constructor(private readonly options: ProgrammeVersionOptions) {}

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  /** The version to key cached reads by. Costs no query while LISTEN is up. */
  async current(): Promise<string> {
    if (this.known !== null && this.listening) return this.known;
    if (this.known !== null && this.started && this.now() - this.checkedAt < FALLBACK_CHECK_MS) return this.known;
    try {
      return await this.refresh();
    } catch (error) {
      // Database away: keep serving what is cached for the last version we know of.
      if (this.known !== null) return this.known;
      throw error;
    }
  }

  /**
   * Reads the version now. A read started after a change is never overwritten by one started
   * before it, so a notification arriving during a slow read is not lost.
   */
  refresh(): Promise<string> {
    if (this.reading) return this.reading;
    const sequence = ++this.readsStarted;
    const reading = this.options
      .readVersion()
      .then((version) => {
        if (sequence >= this.newestStored) {
          this.newestStored = sequence;
          this.known = version;
          this.checkedAt = this.now();
        }
        return this.known ?? version;
      })
      .finally(() => {
        if (this.reading === reading) this.reading = null;
      });
    this.reading = reading;
    return reading;
  }

  /** A change was committed: drop any read in flight (it may predate the change) and read again. */
  changed(): Promise<string> {
    this.reading = null;
    return this.refresh();
  }

  /** Opens the LISTEN connection (idempotent); reconnects by itself after a loss. */
  start(): void {
    if (this.started) return;
    this.started = true;
    void this.connect();
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new Client({ connectionString: this.options.connectionString(), connectionTimeoutMillis: 5_000 });
    this.client = client;
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      this.listening = false;
      client.removeAllListeners();
      client.on("error", () => {});
      void client.end().catch(() => {});
      this.scheduleReconnect();
    };
    client.on("error", lost);
    client.on("end", lost);
    client.on("notification", () => {
      this.notifications += 1;
      void this.changed().catch(() => {});
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${PROGRAMME_CHANNEL}`);
      // Changes made while we were not listening: read the version once more before trusting it.
      await this.changed();
      if (this.client === client) this.listening = true;
    } catch {
      lost();
    }
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.connect();
    }, RECONNECT_MS);
    this.reconnectTimer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listening = false;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners();
      client.on("error", () => {});
      await client.end().catch(() => {});
    }
  }
}
