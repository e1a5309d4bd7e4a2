/**
 * Installed by `exceljs.ts` before ExcelJS itself loads. ExcelJS's streaming reader turns each chunk of
 * a sheet's XML into text on its own (`lib/utils/parse-sax.js`), so a letter whose UTF-8 bytes fall across two
 * chunks is broken ("Ségou" → "S��gou", somewhere in a long file: the expenditure import, which streams,
 * had it). The parser below keeps one UTF-8 decoder for the whole entry; it is put in Node's module cache
 * before ExcelJS loads, so every ExcelJS module that asks for the parser gets this one. Import ExcelJS from
 * `./exceljs.js`, never from 'exceljs' (activities-reader.test.ts fails without this).
 */
import { createRequire, Module } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const excelMain = require.resolve('exceljs');
const fromExcel = createRequire(excelMain);
const parserPath = join(dirname(excelMain), 'lib', 'utils', 'parse-sax.js');

interface SaxesParser {
  on(event: string, listener: (value: unknown) => void): void;
  write(text: string): void;
}
// ExcelJS's own parser and stream classes, loaded with it (installUtf8Parser)
let SaxesParser: new () => SaxesParser;
let PassThrough: new () => NodeJS.ReadWriteStream;

type SaxEvent = { eventType: 'opentag' | 'text' | 'closetag'; value: unknown };

/** ExcelJS's parser, but one decoder per entry: `stream: true` holds a letter's first bytes for the next chunk. */
async function* parseSax(
  source: AsyncIterable<Uint8Array | string> | NodeJS.ReadableStream,
): AsyncGenerator<SaxEvent[]> {
  // as ExcelJS does: an old-style stream without async iteration goes through a PassThrough
  const stream = source as Partial<NodeJS.ReadableStream> & Partial<AsyncIterable<Uint8Array | string>>;
  const iterable = (
    stream.pipe && !stream[Symbol.asyncIterator] ? stream.pipe(new PassThrough()) : source
  ) as AsyncIterable<Uint8Array | string>;
  const parser = new SaxesParser();
  const decoder = new TextDecoder('utf-8');
  let error: unknown;
  parser.on('error', (e) => {
    error = e;
  });
  let events: SaxEvent[] = [];
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  for await (const chunk of iterable) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.decode();
  if (rest) {
    parser.write(rest);
    if (error) throw error;
    yield events;
  }
}

/** Puts the parser in Node's module cache, where ExcelJS's modules will find it: call before loading ExcelJS. */
export function installUtf8Parser(): void {
  if (require.cache[parserPath]) return;
  ({ SaxesParser } = fromExcel('saxes') as { SaxesParser: typeof SaxesParser });
  ({ PassThrough } = fromExcel('readable-stream') as { PassThrough: typeof PassThrough });
  const fixed = new Module(parserPath);
  fixed.filename = parserPath;
  fixed.loaded = true;
  fixed.exports = parseSax;
  require.cache[parserPath] = fixed;
}
