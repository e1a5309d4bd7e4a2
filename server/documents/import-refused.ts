/**
 * A file refused as a whole (not XML, not a workbook, malformed, too big, an unsupported version), with a
 * sentence in the reader's language that says why. The exchange service answers it with 400.
 */
export class ImportRefused extends Error {
  override readonly name = 'ImportRefused';
}
