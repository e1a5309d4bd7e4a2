/**
 * The busiest reads answered from memory (docs/decisions/0027-read-cache.md): the portfolio, a programme and its
 * framework. An answer is kept as the bytes sent (and, once asked, their brotli and gzip forms) with a strong
 * ETag, under a key holding everything it may depend on besides the data: the path and query, the language,
 * the day (the version in force) and what the caller may see (their role and memberships — never one role's
 * answer to another).
 *
 * Exact invalidation: an answer is computed in one read-only transaction, which then asks PostgreSQL which tables
 * it read (`pg_stat_xact_user_tables`); every write statement on any table notifies its table's name at commit
 * (migration 0024_change_notify, channel `jalon_changes`), to every server on the database; an answer is dropped
 * when one of its tables is named. An answer whose read overlapped such a notification is sent but not kept.
 * A write request of this server waits, before its reply leaves, for a marker it sends on the channel after its
 * commit: notifications arrive in commit order, so its own have been applied and the next read sees the write.
 * Without notifications (none given, or the listening connection lost) nothing is kept.
 */
import { createHash, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RequestContext } from '../context.js';
import {
  CHANGES_CHANNEL,
  EVERYTHING,
  MARKER_PREFIX,
  scansByTable,
  sendOnChangesChannel,
  tablesScannedBetween,
} from '../db/changes.js';
import type { Database, Db, Listening } from '../db/client.js';
import { giveMemory } from '../db/remembered.js';

declare module 'fastify' {
  interface FastifyInstance {
    readCache: ReadCache;
  }
  interface FastifyContextConfig {
    /**
     * The route answers by `readCache.answer`: on a public GET route, a kept answer is then sent from the
     * route's first onRequest hook, before the text, access and Zod checks and the handler (see `early`).
     */
    readCache?: boolean;
  }
}

type Encoding = 'br' | 'gzip';
interface Entry {
  body: Buffer;
  etag: string;
  /** the tables read to build it; null: unknown, so any change drops it */
  tables: Set<string> | null;
  encoded: Partial<Record<Encoding, Promise<Buffer>>>;
  /** the encoded forms already made, for the synchronous early answer */
  made: Partial<Record<Encoding, Buffer>>;
  bytes: number;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** values remembered at most (db/remembered.ts), the least recently used dropped first */
const MAX_VALUES = 256;
/** how many recent notifications are remembered to judge reads that were running meanwhile */
const LOG_SIZE = 1024;
const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

export interface ReadCacheOptions {
  db: Db;
  /** the database's notifications; without them nothing is kept (answers still carry their ETag) */
  changes?: Pick<Database, 'listen'>;
  /** memory for kept answers, least recently used dropped first (default 64 MB) */
  maxBytes?: number;
  /** how long a write waits for its own notifications before dropping everything (default 2 s) */
  settleMs?: number;
}

/**
 * Another memory kept in step with the database by this cache's subscription (one LISTEN connection per
 * process): told of every table named, and of every time everything is dropped (a lost connection, a restore,
 * a write not heard back). It keeps nothing while `listening` is false. The session cache
 * (modules/auth/session-cache.ts) is one.
 */
export interface ChangeFollower {
  changed(table: string): void;
  cleared(): void;
}

export class ReadCache {
  private readonly followers = new Set<ChangeFollower>();
  private readonly entries = new Map<string, Entry>();
  /** the values computations remembered (db/remembered.ts), with the tables they were read from */
  private readonly values = new Map<string, { value: unknown; tables: Set<string> }>();
  private bytes = 0;
  private generation = 0;
  private log: { generation: number; table: string }[] = [];
  private isListening = false;
  private subscription: Listening | null = null;
  private readonly waiters = new Map<string, () => void>();
  private readonly id = randomUUID();
  private markers = 0;
  readonly counts = { hits: 0, misses: 0, kept: 0, dropped: 0, recalled: 0 };

  constructor(private readonly options: ReadCacheOptions) {}

  async start(): Promise<void> {
    if (!this.options.changes) return;
    this.subscription = await this.options.changes.listen(CHANGES_CHANNEL, {
      message: (payload) => this.changed(payload),
      lost: () => {
        this.isListening = false;
        this.clear();
      },
      resumed: () => {
        this.clear();
        this.isListening = true;
      },
    });
    this.isListening = true;
  }

  async stop(): Promise<void> {
    this.isListening = false;
    this.clear();
    await this.subscription?.close();
    this.subscription = null;
  }

  /** Whether notifications are being received: what is kept is current. */
  get listening(): boolean {
    return this.isListening;
  }

  /** `follower` is told of the notifications this cache applies, until the returned function is called. */
  follow(follower: ChangeFollower): () => void {
    this.followers.add(follower);
    return () => this.followers.delete(follower);
  }

  /** Kept answers and their size, and the values remembered, for the tests and the bench. */
  get size() {
    return { entries: this.entries.size, bytes: this.bytes, values: this.values.size };
  }

  /**
   * Answers a read route: from memory when kept, else by `read` (the route's service, in a read-only
   * transaction), serialised by the route's response schema. A matching If-None-Match gets 304 without a body.
   */
  async answer(
    request: FastifyRequest,
    reply: FastifyReply,
    read: (ctx: RequestContext) => Promise<unknown>,
  ): Promise<FastifyReply> {
    const key = keyOf(request);
    let entry = this.isListening ? this.entries.get(key) : undefined;
    if (entry) this.hit(key, entry);
    else {
      this.counts.misses++;
      entry = await this.compute(key, request, reply, read);
    }
    return send(request, reply, entry);
  }

  /**
   * The route-level onRequest hook of a public GET route that answers by `answer` (`config.readCache`): a kept
   * answer is sent at once, skipping the text and access checks, the Zod validation of params and query and the
   * handler. Nothing is skipped that could change the answer: an answer is kept only after a request with the
   * very same URL passed those checks (they depend on nothing else: no body, the rule public), and its key holds
   * everything else it depends on — language, day, who asks (the session hook has run before: route hooks run
   * after the app's). Anything not ready (no kept answer, its brotli still being made) goes the usual way.
   */
  readonly early = (request: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    if (request.method !== 'GET' || !this.isListening) return done();
    const key = keyOf(request);
    const entry = this.entries.get(key);
    if (!entry) return done();
    const encoding = encodingFor(request, entry);
    const body = encoding ? entry.made[encoding] : entry.body;
    if (!body) return done();
    this.hit(key, entry);
    sendBytes(request, reply, entry, encoding, body);
  };

  private hit(key: string, entry: Entry) {
    this.counts.hits++;
    // least recently used last out: move to the end
    this.entries.delete(key);
    this.entries.set(key, entry);
  }

  /** Waits until this process has applied the notifications of every write committed so far (see above). */
  async settle(): Promise<void> {
    if (!this.isListening) return;
    const marker = `${MARKER_PREFIX}${this.id}:${++this.markers}`;
    let timer: NodeJS.Timeout | undefined;
    const arrived = new Promise<boolean>((resolve) => {
      this.waiters.set(marker, () => resolve(true));
      timer = setTimeout(() => resolve(false), this.options.settleMs ?? 2000);
    });
    try {
      await sendOnChangesChannel(this.options.db, marker);
      // not heard back in time: the connection may be slow or gone — keep nothing that may be stale
      if (!(await arrived)) this.clear();
    } catch {
      this.clear();
    } finally {
      clearTimeout(timer);
      this.waiters.delete(marker);
    }
  }

  private async compute(
    key: string,
    request: FastifyRequest,
    reply: FastifyReply,
    read: (ctx: RequestContext) => Promise<unknown>,
  ): Promise<Entry> {
    if (!this.isListening) return entryOf(bytesOf(reply.serialize(await read(request.ctx))), null);
    const started = this.generation;
    const { value, tables } = await this.options.db.transaction(
      async (tx) => {
        // the tables of the values recalled from memory count as read (db/remembered.ts)
        const recalled = new Set<string>();
        giveMemory(tx, (key, tables, read) => {
          for (const table of tables) recalled.add(table);
          return this.recall(key, tables, read, started);
        });
        const before = await scansByTable(tx);
        const value = await read({ ...request.ctx, db: tx as unknown as Db });
        const scanned = tablesScannedBetween(before, await scansByTable(tx));
        // no scan at all means statistics are off: the answer depends on everything (see scansByTable)
        return { value, tables: scanned.length ? [...new Set([...scanned, ...recalled])] : [] };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    const entry = entryOf(bytesOf(reply.serialize(value)), tables.length ? new Set(tables) : null);
    if (this.isListening && this.unchangedSince(started, entry.tables)) this.keep(key, entry);
    return entry;
  }

  /**
   * A value a computation remembers (db/remembered.ts): the one kept, else `read()`'s, kept unless one of its
   * tables was named since the computation began (`started`, taken before its transaction's snapshot: a value
   * read from that snapshot is kept only if no write committed after it has been heard of).
   */
  private async recall<T>(
    key: string,
    tables: readonly string[],
    read: () => Promise<T>,
    started: number,
  ): Promise<T> {
    const kept = this.values.get(key);
    if (kept) {
      this.counts.recalled++;
      this.values.delete(key);
      this.values.set(key, kept);
      return kept.value as T;
    }
    const value = await read();
    const from = new Set(tables);
    if (this.isListening && this.unchangedSince(started, from)) {
      this.values.set(key, { value, tables: from });
      for (const [k] of this.values) {
        if (this.values.size <= MAX_VALUES) break;
        this.values.delete(k);
      }
    }
    return value;
  }

  private unchangedSince(generation: number, tables: Set<string> | null): boolean {
    if (generation === this.generation) return true;
    const first = this.log[0];
    if (!tables || !first || first.generation > generation + 1) return false;
    return !this.log.some(
      (n) => n.generation > generation && (n.table === EVERYTHING || tables.has(n.table)),
    );
  }

  private keep(key: string, entry: Entry) {
    const old = this.entries.get(key);
    if (old) this.drop(key, old);
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    this.counts.kept++;
    const max = this.options.maxBytes ?? 64 * 1024 * 1024;
    for (const [k, e] of this.entries) {
      if (this.bytes <= max) break;
      this.drop(k, e);
    }
  }

  private drop(key: string, entry: Entry) {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
    this.counts.dropped++;
  }

  private clear() {
    this.generation++;
    this.log = [{ generation: this.generation, table: EVERYTHING }];
    for (const [k, e] of this.entries) this.drop(k, e);
    this.values.clear();
    for (const follower of this.followers) follower.cleared();
  }

  private changed(payload: string) {
    if (payload.startsWith(MARKER_PREFIX)) {
      this.waiters.get(payload)?.();
      return;
    }
    if (payload === EVERYTHING) return this.clear();
    for (const follower of this.followers) follower.changed(payload);
    this.generation++;
    this.log.push({ generation: this.generation, table: payload });
    if (this.log.length > LOG_SIZE) this.log = this.log.slice(-LOG_SIZE / 2);
    for (const [k, e] of this.entries) if (!e.tables || e.tables.has(payload)) this.drop(k, e);
    for (const [k, v] of this.values) if (v.tables.has(payload)) this.values.delete(k);
  }
}

/** Everything an answer depends on besides the data. */
function keyOf(request: FastifyRequest): string {
  const { ctx } = request;
  const actor = ctx.actor;
  const sees = actor
    ? [
        actor.role,
        actor.mustChangePassword ? 'must-change' : '',
        ...actor.memberships.map((m) => `${m.programmeId}:${m.role}:${m.organisationId ?? ''}`).sort(),
      ].join(' ')
    : 'anonymous';
  return [request.url, ctx.locale, ctx.now().toISOString().slice(0, 10), sees].join('\n');
}

const bytesOf = (serialized: string | Buffer | ArrayBuffer) =>
  typeof serialized === 'string'
    ? Buffer.from(serialized)
    : Buffer.isBuffer(serialized)
      ? serialized
      : Buffer.from(serialized);

function entryOf(body: Buffer, tables: Set<string> | null): Entry {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
  return { body, etag, tables, encoded: {}, made: {}, bytes: body.length + 256 };
}

function encodingFor(request: FastifyRequest, entry: Entry): Encoding | null {
  if (entry.body.length < 1024) return null;
  const accepted = String(request.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accepted) && !/\bbr;q=0(\.0*)?\b/.test(accepted)) return 'br';
  if (/\bgzip\b/.test(accepted) && !/\bgzip;q=0(\.0*)?\b/.test(accepted)) return 'gzip';
  return null;
}

/**
 * Brotli at quality 7: on Jalon's answers (the demo's framework, dashboards and portfolio, the bench's 170 KB
 * portfolio) it gives the bytes of quality 9 to within 1 %, in 0.2–0.9 ms where quality 9 took 4–10 ms, which
 * the first reader of an answer waited for. Quality 11 would save 10–15 % more, for 35 ms on a 40 KB answer.
 */
const BROTLI_QUALITY = 7;

function encoded(entry: Entry, encoding: Encoding): Promise<Buffer> {
  entry.encoded[encoding] ??= (
    encoding === 'br'
      ? brotli(entry.body, {
          params: {
            [zlib.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
            [zlib.BROTLI_PARAM_SIZE_HINT]: entry.body.length,
          },
        })
      : gzipped(entry.body, { level: 9 })
  ).then((bytes) => (entry.made[encoding] = bytes));
  return entry.encoded[encoding]!;
}

const matches = (ifNoneMatch: string | undefined, etag: string) =>
  !!ifNoneMatch &&
  (ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag));

async function send(request: FastifyRequest, reply: FastifyReply, entry: Entry): Promise<FastifyReply> {
  const encoding = encodingFor(request, entry);
  const body = encoding ? (entry.made[encoding] ?? (await encoded(entry, encoding))) : entry.body;
  return sendBytes(request, reply, entry, encoding, body);
}

function sendBytes(
  request: FastifyRequest,
  reply: FastifyReply,
  entry: Entry,
  encoding: Encoding | null,
  body: Buffer,
): FastifyReply {
  // the browser keeps the answer and asks again each time with If-None-Match: a 304 costs a few bytes
  reply
    .header('etag', entry.etag)
    .header('cache-control', 'private, no-cache')
    .header('vary', 'accept-encoding');
  if (matches(request.headers['if-none-match'], entry.etag)) return reply.code(304).send();
  reply.type('application/json; charset=utf-8');
  if (!encoding) return reply.send(body);
  return reply.header('content-encoding', encoding).send(body);
}

/** The cache of this server (`app.readCache`), listening from start to close; writes wait for their changes. */
export async function registerReadCache(app: FastifyInstance, options: ReadCacheOptions): Promise<void> {
  const cache = new ReadCache(options);
  app.decorate('readCache', cache);
  app.addHook('onReady', () => cache.start());
  app.addHook('onClose', () => cache.stop());
  // the early answer, on the routes that ask for it (their own access rule public: see `early`)
  app.addHook('onRoute', (route) => {
    const config = route.config as { readCache?: boolean; access?: unknown } | undefined;
    if (!config?.readCache || config.access !== 'public' || route.method !== 'GET') return;
    route.onRequest = [cache.early, ...[route.onRequest ?? []].flat()];
  });
  // callback style: a read pays no promise here
  app.addHook('onSend', (request, _reply, payload, done) => {
    if (!WRITES.has(request.method)) return done(null, payload);
    cache.settle().then(
      () => done(null, payload),
      (error: Error) => done(error),
    );
  });
}
