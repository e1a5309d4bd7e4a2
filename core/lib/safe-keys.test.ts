import { describe, expect, it } from 'vitest';
import { safeKey, withoutPrototypeKeys } from '../contracts/safe-key.js';
import { issueMessage, issueMessages } from '../errors/error-messages.js';
import {
  assertSafeKey,
  dictionary,
  forbiddenSegment,
  isForbiddenKey,
  ownValue,
  UnsafeKeyError,
} from './safe-keys.js';
import { z } from 'zod';

describe('keys naming the prototype', () => {
  it('are __proto__, constructor and prototype, in any dotted segment', () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      expect(isForbiddenKey(key)).toBe(true);
      expect(forbiddenSegment(`indicators.1.${key}.progress`)).toBe(key);
      expect(() => assertSafeKey(`1.${key}`)).toThrow(UnsafeKeyError);
    }
    for (const key of ['1.1.2', 'overall_status', 'Constructor', '__proto', 'toString', '']) {
      expect(isForbiddenKey(key)).toBe(false);
      expect(forbiddenSegment(key)).toBeUndefined();
      expect(assertSafeKey(key)).toBe(key);
    }
  });

  it('a dictionary keeps __proto__ as a key, and ownValue never reads the prototype', () => {
    const d = dictionary<string>();
    d['__proto__'] = 'x';
    expect(Object.keys(d)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(ownValue({} as Record<string, unknown>, 'constructor')).toBeUndefined();
    expect(ownValue({ a: 1 }, 'a')).toBe(1);
  });

  it('the contracts refuse them with one message, said in French and English', () => {
    const result = safeKey.safeParse('outcomes.__proto__.rating');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      message: issueMessages.forbidden_key.en,
      params: { issue: 'forbidden_key' },
    });
    // applied after trim(): the value checked is the value kept
    expect(withoutPrototypeKeys(z.string().trim()).safeParse(' constructor ').success).toBe(false);
    expect(safeKey.safeParse('indicators.1.1.2.progress').success).toBe(true);
    expect(issueMessage('forbidden_key', 'fr')).toMatch(/ne peut pas être « __proto__ »/);
    expect(issueMessage('forbidden_key', 'en')).toMatch(/cannot be “__proto__”/);
    expect(issueMessage('constructor', 'en')).toBeUndefined();
  });
});
