/**
 * Zip bombs that lie: a workbook of about 1 MB whose ZIP declares a part of 30 KB that really inflates to
 * 1 GB. Every import that reads a workbook (framework, activities, indicator values, expenditure) counts the
 * bytes it actually inflates and stops at its limit: the file is refused with the import's own message, in the
 * reader's language, and the memory of the process stays bounded.
 */
import JSZip from 'jszip';
import { once } from 'node:events';
import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import ExcelJS from '../documents/xlsx/exceljs.js';
import { aBudgetLine, aProgramme } from '../test/factories.js';
import { testEngines } from '../test/test-database.js';
import { testSuite } from '../test/test-suite.js';

/** A raw deflate stream of `prefix`, `megabytes` MiB of "a", then `suffix`, built without holding the "a"s. */
async function deflatedBomb(prefix: string, megabytes: number, suffix: string): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const take = () => {
    const bytes = Buffer.concat(out);
    out.length = 0;
    return bytes;
  };
  const flushed = async (chunk: Buffer | string) => {
    deflate.write(chunk);
    await new Promise<void>((resolve) => deflate.flush(constants.Z_SYNC_FLUSH, () => resolve()));
    await new Promise((resolve) => setImmediate(resolve));
    return take();
  };
  const megabyte = Buffer.alloc(1024 * 1024, 'a');
  const head = await flushed(prefix);
  const first = await flushed(megabyte);
  // past the first megabyte the window holds only "a"s: this block means the same wherever it is repeated
  const steady = await flushed(megabyte);
  deflate.end(suffix);
  await once(deflate, 'end');
  return Buffer.concat([head, first, ...Array<Buffer>(megabytes - 1).fill(steady), take()]);
}

interface Part {
  name: string;
  /** deflated bytes */
  data: Buffer;
  crc: number;
  /** the uncompressed size the ZIP declares (in the local header and the central directory alike) */
  declared: number;
}

/** A ZIP of deflated parts, each declaring the size it is given. */
function zipOf(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(0, 10); // time and date
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(part.declared, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(part.crc >>> 0, 16);
    central.writeUInt32LE(part.data.length, 20);
    central.writeUInt32LE(part.declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, part.data);
    centrals.push(central, name);
    offset += local.length + name.length + part.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const GIGABYTE_IN_MIB = 1024;

/**
 * The workbook with its shared strings replaced by one string of 1 GiB of "a" that the ZIP says is 30 KB
 * (every other part as it was, its sizes true).
 */
async function lying(workbook: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(workbook);
  const parts: Part[] = [];
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir || name === 'xl/sharedStrings.xml') continue;
    const bytes = await entry.async('nodebuffer');
    parts.push({ name, data: deflateRawSync(bytes), crc: crc32(bytes), declared: bytes.length });
  }
  const bomb = await deflatedBomb(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>',
    GIGABYTE_IN_MIB,
    '</t></si></sst>',
  );
  parts.push({ name: 'xl/sharedStrings.xml', data: bomb, crc: 0, declared: 30_000 });
  return zipOf(parts);
}

/** The largest growth of the process's resident memory while `run` runs (sampled every few milliseconds). */
async function memoryGrowth<T>(run: () => Promise<T>): Promise<{ result: T; growth: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 5);
  try {
    const result = await run();
    sample();
    return { result, growth: peak - before };
  } finally {
    clearInterval(timer);
  }
}

const MB = 1024 * 1024;

describe.each(testEngines)('workbooks whose ZIP lies about its sizes, on %s', (engine) => {
  let slug: string;
  const suite = testSuite(engine, {
    data: async (database) => {
      // the workbooks to turn into bombs: its framework, activity template and expenditure template (one line)
      const programme = await aProgramme(database, { startDate: '2022-01-01' });
      await aBudgetLine(database, programme, { amounts: { '2022': 40_000 } });
      slug = programme.slug;
    },
  });

  const download = async (url: string) => {
    const res = await suite.app.inject({ url });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.rawPayload;
  };

  it('the bomb is what it says: about 1 MB, declaring 30 KB, inflating to 1 GiB', async () => {
    const file = await lying(await download(`/api/v1/programmes/${slug}/export/xlsx`));
    expect(file.length).toBeLessThan(2 * MB);
    const zip = await JSZip.loadAsync(file);
    expect(Object.keys(zip.files)).toContain('xl/sharedStrings.xml');
    const entry = zip.files['xl/sharedStrings.xml'] as unknown as { _data: { uncompressedSize: number } };
    expect(entry._data.uncompressedSize).toBe(30_000);
  });

  it('the framework import refuses it, in French, without inflating it whole', async () => {
    const file = await lying(await download(`/api/v1/programmes/${slug}/export/xlsx`));
    const { result: res, growth } = await memoryGrowth(() =>
      suite.app.inject({
        method: 'POST',
        url: '/api/v1/imports?lang=fr',
        payload: {
          fileName: 'cadre.xlsx',
          content: file.toString('base64'),
          target: {
            kind: 'new_version',
            programme: slug,
            label: { fr: 'Révision', en: 'Revision' },
            effectiveDate: '2026-01-01',
            reason: { fr: 'Essai', en: 'Test' },
          },
        },
      }),
    );
    expect(res.statusCode, res.body.slice(0, 500)).toBe(400);
    expect(JSON.stringify(res.json().error)).toContain('Ce classeur se décompresse en plus de 60 Mo');
    expect(growth).toBeLessThan(200 * MB);
  });

  it('the activity import refuses it, in English, without inflating it whole', async () => {
    const file = await lying(await download(`/api/v1/programmes/${slug}/activity-template.xlsx?lang=en`));
    const { result: res, growth } = await memoryGrowth(() =>
      suite.app.inject({
        method: 'POST',
        url: `/api/v1/programmes/${slug}/activity-imports?fileName=bomb.xlsx&lang=en`,
        payload: file,
        headers: { 'content-type': 'application/octet-stream' },
      }),
    );
    expect(res.statusCode, res.body.slice(0, 500)).toBe(400);
    expect(JSON.stringify(res.json().error)).toContain(
      'This workbook unpacks to an abnormally large size: it is refused.',
    );
    expect(growth).toBeLessThan(200 * MB);
  });

  it('the indicator value import refuses it, in French, without inflating it whole', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Valeurs');
    ws.addRow(['Indicateur', 'Début de période', 'Fin de période', 'Valeur']);
    ws.addRow(['1.1.a', '2023-01-01', '2023-12-31', '12']);
    const file = await lying(Buffer.from(await wb.xlsx.writeBuffer()));
    const { result: res, growth } = await memoryGrowth(() =>
      suite.app.inject({
        method: 'POST',
        url: `/api/v1/programmes/${slug}/indicator-value-imports?fileName=bomb.xlsx&lang=fr`,
        payload: file,
        headers: { 'content-type': 'application/octet-stream' },
      }),
    );
    expect(res.statusCode, res.body.slice(0, 500)).toBe(400);
    expect(JSON.stringify(res.json().error)).toContain(
      'Ce classeur se décompresse en un volume anormalement grand : il est refusé.',
    );
    expect(growth).toBeLessThan(200 * MB);
  });

  it('the expenditure import refuses it, in English, without inflating it whole', async () => {
    const file = await lying(
      await download(
        `/api/v1/programmes/${slug}/expenditures/template?from=2022-01-01&to=2022-03-31&lang=en`,
      ),
    );
    const { result: res, growth } = await memoryGrowth(() =>
      suite.app.inject({
        method: 'POST',
        url: `/api/v1/programmes/${slug}/expenditures/import?lang=en`,
        payload: { fileName: 'bomb.xlsx', content: file.toString('base64') },
      }),
    );
    expect(res.statusCode, res.body.slice(0, 500)).toBe(400);
    expect(JSON.stringify(res.json().error)).toContain('the file is not a readable Excel workbook (.xlsx)');
    expect(growth).toBeLessThan(200 * MB);
  });
});
