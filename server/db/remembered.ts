/**
 * Values a read may take from memory instead of reading them again: what several answers of the read cache
 * (plugins/read-cache.ts) read alike and seldom changes — the indicators of the frameworks in force, which every
 * dashboard reads and only a framework's edit changes, while activities change them daily (decision 0027,
 * second amendment).
 *
 * Only a read the read cache computes may remember: the cache gives its transaction a memory (`giveMemory`), kept
 * in step with the database by the cache's notifications, and each value recalled there adds its tables to what
 * the answer depends on, so that a change of them drops the answer as if it had read them. Any other read (the
 * console, a route without the cache, a cache not listening) reads, every time.
 */
import type { DbOrTx } from './client.js';

/** The memory of one computation: the value kept under `key`, else `read()`'s, kept if nothing changed meanwhile. */
export type Recall = <T>(key: string, tables: readonly string[], read: () => Promise<T>) => Promise<T>;

const memories = new WeakMap<object, Recall>();

/** Gives the transaction of a read-cache computation its memory (plugins/read-cache.ts). */
export function giveMemory(tx: object, recall: Recall): void {
  memories.set(tx, recall);
}

/**
 * The value of `read`, from memory when `db` is a read-cache computation that has it. `tables`: every table
 * `read` reads (a change of any of them drops the value); `key`: everything else the value depends on. The value
 * is shared by every answer that recalls it: read it, never change it.
 */
export function remembered<T>(
  db: DbOrTx,
  key: string,
  tables: readonly string[],
  read: () => Promise<T>,
): Promise<T> {
  const recall = memories.get(db);
  return recall ? recall(key, tables, read) : read();
}

/**
 * Whether `db` is a read-cache computation with a memory, whose remembered values are shared objects: what is
 * computed from one of them may be kept beside it (dashboards/progress-kept.ts), and is not kept otherwise.
 */
export const hasMemory = (db: DbOrTx): boolean => memories.has(db);
