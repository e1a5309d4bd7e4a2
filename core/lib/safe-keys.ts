/**
 * Keys that came from a request or a file (report paths, codes, headers, mappings) are never allowed to reach
 * an object's prototype: `obj['__proto__'][k] = v` writes onto Object.prototype for the whole process, and
 * `obj['constructor']` is Object itself (issue 12). The rule lives here, once: the contracts refuse such keys
 * (`safeKey`, `safePath` in core/contracts/safe-key.ts), and code that writes by an outside key checks it again
 * (`assertSafeKey`) and writes into objects without a prototype (`dictionary`) or reads own properties only
 * (`ownValue`).
 */

/** The names that reach a prototype instead of a property. */
export const forbiddenKeys: readonly string[] = ['__proto__', 'constructor', 'prototype'];

export const isForbiddenKey = (key: string): boolean => forbiddenKeys.includes(key);

/** The first segment of a dotted path (`indicators.__proto__.progress`, a code `1.constructor`) that is forbidden. */
export const forbiddenSegment = (path: string): string | undefined => path.split('.').find(isForbiddenKey);

/** Thrown by `assertSafeKey`: a programming error once the contracts have refused the key. */
export class UnsafeKeyError extends Error {
  constructor(readonly key: string) {
    super(`"${key}" cannot be used as a key (it names the prototype: __proto__, constructor, prototype)`);
    this.name = 'UnsafeKeyError';
  }
}

/** `key` itself, or an UnsafeKeyError when any of its dotted segments is forbidden. */
export function assertSafeKey(key: string): string {
  if (forbiddenSegment(key) !== undefined) throw new UnsafeKeyError(key);
  return key;
}

/** An empty object without a prototype: no key written into it can reach Object.prototype. */
export const dictionary = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

/** `record[key]` when it is the record's own property; never what its prototype holds (`constructor`…). */
export const ownValue = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;
