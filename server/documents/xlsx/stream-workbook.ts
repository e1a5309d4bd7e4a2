/**
 * ExcelJS's streaming reader made safe for files people upload: over a workbook whose sheets come last
 * (`zip-sheets-last.ts`), and ended — not left waiting — by an error of the ZIP. Used by the expenditure import
 * (the activity import reads its sheet by hand: `sheet-xml.ts`).
 */
import { Readable } from 'node:stream';
import ExcelJS from './exceljs.js';

/** The ZIP reader's error, and the step waiting on ExcelJS, failed when it comes. */
export interface ZipWatch {
  error?: unknown;
  abort?: (e: unknown) => void;
}

/**
 * A streaming reader of `bytes` (a workbook laid out by `sheetsLast`), with the watch that `until` races every
 * step of the reading against. ExcelJS does not pass on an error of the ZIP (a part that does not inflate, a
 * part cut short) to the sheet being read, which would then wait forever: the error is caught where the
 * workbook is piped into the ZIP reader.
 */
export function streamWorkbook(bytes: Buffer): {
  reader: ExcelJS.stream.xlsx.WorkbookReader;
  watch: ZipWatch;
} {
  const watch: ZipWatch = {};
  const input = Readable.from(bytes);
  const pipe = input.pipe.bind(input);
  input.pipe = <T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T => {
    (destination as unknown as NodeJS.EventEmitter).on('error', (e: unknown) => {
      watch.error = e;
      watch.abort?.(e);
    });
    return pipe(destination, options);
  };
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache', // dates are numbers with a date format: the styles tell them apart
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  // a workbook without shared strings (numbers, inline text) would otherwise have its sheets put aside in
  // temporary files: the reader streams a sheet only once it holds a list of shared strings
  (reader as unknown as { sharedStrings?: unknown[] }).sharedStrings = [];
  return { reader, watch };
}

/**
 * Each value of `source`, or the ZIP's error as soon as it comes. One step waits at a time, and only the last
 * one can be failed (racing every step against one long-lived promise would keep every row alive).
 */
export async function* until<T>(source: AsyncIterable<T>, watch: ZipWatch): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  for (;;) {
    const next = await new Promise<IteratorResult<T>>((resolve, reject) => {
      if (watch.error !== undefined) return reject(watch.error);
      watch.abort = reject;
      it.next().then(resolve, reject);
    });
    watch.abort = undefined;
    if (next.done) return;
    yield next.value;
  }
}
