import { describe, expect, it } from 'vitest';
import {
  acceptText,
  cleanText,
  refusedCharacter,
  refusedTextMessage,
  scrubStrings,
  scrubText,
} from './accepted-text.js';

describe('the text Jalon accepts', () => {
  it('keeps text, tabs, line breaks, accents and emoji as they are', () => {
    for (const text of ['Ségou', 'a\tb\r\nc', 'Kidal 🇲🇱 — “ok”', '\u0080\u007F', '']) {
      expect(refusedCharacter(text)).toBeUndefined();
      expect(cleanText(text)).toBe(text);
      expect(scrubText(text)).toBe(text);
    }
  });

  it('cleans the controls pasted text carries: U+000B and U+000C a line break, the others a space', () => {
    expect(cleanText('Ligne 1\u000BLigne 2\u000Cfin')).toBe('Ligne 1\nLigne 2\nfin');
    expect(cleanText('a\u0001b\u001Fc\u0008d\u000Ee')).toBe('a b c d e');
    expect(refusedCharacter('a\u000Bb')).toBeUndefined();
  });

  it('refuses NUL, noncharacters and lone surrogates, by name; files and writers drop them', () => {
    expect(refusedCharacter('a\u0000b')).toBe('U+0000');
    expect(refusedCharacter('a\uFFFE')).toBe('U+FFFE');
    expect(refusedCharacter('\uFDD0')).toBe('U+FDD0');
    expect(refusedCharacter('x\uD83F\uDFFF')).toBe('U+1FFFF');
    expect(refusedCharacter('\uD800x')).toBe('U+D800');
    expect(refusedCharacter('x\uDC00')).toBe('U+DC00');
    expect(scrubText('C\u0000R\uFFFE\uD800S\u000BS')).toBe('CRS\nS');
  });

  it('cleans a request in place and lists every refused string with its path', () => {
    const body = { a: 'x\u000By', list: ['ok', 'n\u0000o', { deep: '\uFFFF' }], n: 3, password: 'p\u0000w' };
    const { value, refused } = acceptText(body, (key) => key === 'password');
    expect(value).toBe(body);
    expect(body.a).toBe('x\ny');
    expect(refused).toEqual([
      { path: ['list', 1], character: 'U+0000' },
      { path: ['list', 2, 'deep'], character: 'U+FFFF' },
    ]);
    expect(body.password).toBe('p\u0000w');
    expect(acceptText({ 'a\u000Bb': 'x' }).refused).toEqual([{ path: ['a\u000Bb'], character: 'U+000B' }]);
  });

  it('scrubs a copy of stored data for the writers, leaving the original and what is not text', () => {
    const bytes = new Uint8Array([0, 1]);
    const stored = { title: 'T\u000Bx\uFFFE', rows: [{ n: 1, text: '\u0001' }], bytes };
    const copy = scrubStrings(stored);
    expect(copy).toEqual({ title: 'T\nx', rows: [{ n: 1, text: ' ' }], bytes });
    expect(copy.bytes).toBe(bytes);
    expect(stored.title).toBe('T\u000Bx\uFFFE');
  });

  it('says why in French and in English', () => {
    expect(refusedTextMessage('fr', 'U+0000')).toMatch(/n’accepte pas \(U\+0000\)/);
    expect(refusedTextMessage('en', 'U+0000')).toMatch(/does not accept \(U\+0000\)/);
  });
});
