/**
 * ExcelJS for Jalon: the library, once its streaming reader decodes UTF-8 across chunks (`exceljs-utf8.ts`,
 * evaluated first because it is imported first) and what it writes is text XML can carry (`exceljs-text.ts`). Import ExcelJS from here, never from 'exceljs'.
 */
import './exceljs-utf8.js';
import './exceljs-text.js';

export { default } from 'exceljs';
