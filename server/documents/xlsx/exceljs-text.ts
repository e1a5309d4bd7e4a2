/**
 * Installed by `exceljs.ts` when ExcelJS loads: every text ExcelJS writes into a workbook's XML (cells, shared strings,
 * sheet names, comments…) goes through `utils.xmlEncode`, which drops most C0 controls but lets U+FFFE, U+FFFF
 * and lone surrogates through — a workbook Excel then calls damaged. Text stored before Jalon cleaned what it
 * accepts may hold them: it is scrubbed first, as typed text is cleaned now (core/domain/accepted-text.ts:
 * U+000B a line break, other controls a space, noncharacters dropped).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { scrubText } from '../../../core/domain/accepted-text.js';

const require = createRequire(import.meta.url);
const utilsPath = join(dirname(require.resolve('exceljs')), 'lib', 'utils', 'utils.js');

export function installTextScrub(): void {
  const utils = require(utilsPath) as { xmlEncode: (text: string) => string; scrubbed?: boolean };
  if (utils.scrubbed) return;
  const encode = utils.xmlEncode.bind(utils);
  utils.xmlEncode = (text: string) => encode(scrubText(text));
  utils.scrubbed = true;
}
