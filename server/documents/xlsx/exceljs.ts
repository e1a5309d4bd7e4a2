/**
 * ExcelJS for Jalon: the library, once its streaming reader decodes UTF-8 across chunks (`exceljs-utf8.ts`,
 * installed before ExcelJS loads) and what it writes is text XML can carry (`exceljs-text.ts`). Import ExcelJS
 * from here, never from 'exceljs'.
 *
 * Loaded on first use: ExcelJS and what it brings (archiver, unzipper, fast-csv) are ≈ 70 MB and most of a
 * second of a start, which the server and the CLI commands that write no workbook should not pay (issue 20:
 * server ready ≤ 2 s, RSS ≤ 250 MB). `ExcelJS.Workbook`, `ExcelJS.stream.xlsx…` read the library when asked.
 */
import { createRequire } from 'node:module';
import type * as ExcelTypes from 'exceljs';
import { installTextScrub } from './exceljs-text.js';
import { installUtf8Parser } from './exceljs-utf8.js';

const require = createRequire(import.meta.url);
let loaded: typeof ExcelTypes | undefined;

function load(): typeof ExcelTypes {
  if (!loaded) {
    installUtf8Parser();
    installTextScrub();
    loaded = require('exceljs') as typeof ExcelTypes;
  }
  return loaded;
}

const ExcelJS = new Proxy({} as typeof ExcelTypes, {
  get: (_target, key) => Reflect.get(load(), key) as unknown,
});
// the library's types under the same name, as `import ExcelJS from 'exceljs'` gave them (ExcelJS.Workbook…)
/* eslint-disable @typescript-eslint/no-namespace -- types only, merged with the value above */
declare namespace ExcelJS {
  export type Workbook = ExcelTypes.Workbook;
  export type Worksheet = ExcelTypes.Worksheet;
  export type Row = ExcelTypes.Row;
  export type Cell = ExcelTypes.Cell;
  export type CellValue = ExcelTypes.CellValue;
  export type CellRichTextValue = ExcelTypes.CellRichTextValue;
  export type Fill = ExcelTypes.Fill;
  export type Borders = ExcelTypes.Borders;
  export namespace stream {
    export namespace xlsx {
      export type WorkbookReader = ExcelTypes.stream.xlsx.WorkbookReader;
      export type WorkbookWriter = ExcelTypes.stream.xlsx.WorkbookWriter;
    }
  }
}
/* eslint-enable @typescript-eslint/no-namespace */
export default ExcelJS;
