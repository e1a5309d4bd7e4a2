// The bytes of an XML file as text, in the encoding it uses (refused with a reason when it is not valid).
import type { Say } from '../../../../core/i18n/t.js';
import { ImportRefused } from '../../import-refused.js';

/** The file's text: UTF-8 (with or without BOM), UTF-16 with BOM, or the encoding its declaration names. */
export function decodeXml(bytes: Uint8Array, say: Say): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const head = new TextDecoder('latin1').decode(bytes.slice(0, 200));
  const declared = head.match(/^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/)?.[1]?.toLowerCase();
  const encoding = declared && declared !== 'utf-8' && declared !== 'utf8' ? declared : 'utf-8';
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new ImportRefused(
      say('documents.iati.read.encoding.invalidText', { encoding: encoding.toUpperCase() }),
    );
  }
}
