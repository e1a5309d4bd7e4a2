/**
 * The people behind session cookies, kept in memory (docs/decisions/0033-session-cache.md): a signed-in request
 * whose session is kept runs no query to know who asks, so a read answered from the read cache runs none at all.
 *
 * An entry is keyed by the session's id (the SHA-256 of the token: the token itself is never kept) and holds
 * what the access gate needs: the actor, the CSRF token, the session's end and last activity, the account's
 * active flag. It is built from three tables (sessions, users, memberships: `ACTOR_TABLES`); any write to one of
 * them, in this process or another, drops every entry — through the read cache's subscription to the database's
 * change notifications (one LISTEN connection per process), which every write request waits to hear in its own
 * process before it replies. An entry whose read overlapped such a drop is used but not kept. Without notifications (none
 * given, the connection lost and not yet back) nothing is kept. An entry past its session's end is never used.
 */
import type { Actor } from './policy.js';

export interface KeptSession {
  actor: Actor;
  csrfToken: string;
  expiresAt: Date;
  lastSeenAt: Date;
  active: boolean;
}

/** What the session cache follows: the read cache of the same server (plugins/read-cache.ts). */
export interface ChangeSource {
  readonly listening: boolean;
  follow(follower: { changed(table: string): void; cleared(): void }): () => void;
}

export class SessionCache {
  private readonly entries = new Map<string, KeptSession>();
  private readonly tables: ReadonlySet<string>;
  private generationNow = 0;
  private unfollow: (() => void) | null = null;
  readonly counts = { hits: 0, misses: 0, kept: 0, dropped: 0 };

  private source: ChangeSource | null = null;

  constructor(
    tables: readonly string[],
    /** entries kept at most, the least recently used dropped first */
    private readonly maxEntries = 10_000,
  ) {
    this.tables = new Set(tables);
  }

  /** Keeps sessions from now on, dropped as `source` tells; with no source, nothing is ever kept. */
  start(source: ChangeSource | null): void {
    this.stop();
    this.source = source;
    this.unfollow =
      source?.follow({
        changed: (table) => {
          if (this.tables.has(table)) this.clear();
        },
        cleared: () => this.clear(),
      }) ?? null;
  }

  stop(): void {
    this.unfollow?.();
    this.unfollow = null;
    this.source = null;
    this.clear();
  }

  /** The number of sessions kept, for the tests. */
  get size(): number {
    return this.entries.size;
  }

  /** Taken before reading a session, given back to `keep`: a drop in between means the read may be stale. */
  get generation(): number {
    return this.generationNow;
  }

  /** The kept session with this id, if any and not over at `now`. */
  get(id: string, now: Date): KeptSession | undefined {
    const entry = this.source?.listening ? this.entries.get(id) : undefined;
    if (!entry || entry.expiresAt <= now) {
      if (entry) this.drop(id);
      this.counts.misses++;
      return undefined;
    }
    this.counts.hits++;
    // least recently used first out: move to the end
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry;
  }

  /** Keeps a session read when the generation was `generation`, unless something it reads changed since. */
  keep(id: string, entry: KeptSession, generation: number): void {
    if (!this.source?.listening || generation !== this.generationNow) return;
    this.entries.delete(id);
    this.entries.set(id, entry);
    this.counts.kept++;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.drop(oldest);
    }
  }

  /** Drops every kept session (a write to the tables they are read from, here or elsewhere). */
  clear(): void {
    this.generationNow++;
    this.counts.dropped += this.entries.size;
    this.entries.clear();
  }

  private drop(id: string) {
    if (this.entries.delete(id)) this.counts.dropped++;
  }
}
