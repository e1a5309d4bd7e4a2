/**
 * Validates one seed data file against the programme-document contract and prints a summary.
 * Usage: node_modules/.bin/tsx scripts/check-seed-file.ts server/seed/data/pbf-mli-a-1.ts [exportName]
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { frameworkVersionInput, programmeDocument } from '../core/contracts/programme-document.js';

const [file, exportName] = process.argv.slice(2);
if (!file) throw new Error('usage: check-seed-file.ts <file> [exportName]');
const mod = (await import(pathToFileURL(resolve(file)).href)) as Record<string, unknown>;
for (const [name, value] of Object.entries(mod)) {
  if (exportName && name !== exportName) continue;
  const isProgramme = typeof value === 'object' && value !== null && 'frameworks' in value;
  const schema = isProgramme ? programmeDocument : frameworkVersionInput;
  const result = schema.safeParse(value);
  if (!result.success) {
    console.error(`${name}: INVALID`);
    for (const issue of result.error.issues) console.error(`  ${issue.path.join('.')}: ${issue.message}`);
    process.exitCode = 1;
    continue;
  }
  const versions = isProgramme ? (result.data as { frameworks: unknown[] }).frameworks : [result.data];
  for (const v of versions as {
    version: number;
    outcomes: { indicators: unknown[]; outputs: { indicators: unknown[] }[] }[];
  }[]) {
    const outputs = v.outcomes.flatMap((o) => o.outputs);
    const indicators =
      v.outcomes.reduce((n, o) => n + o.indicators.length, 0) +
      outputs.reduce((n, o) => n + o.indicators.length, 0);
    console.log(
      `${name} v${v.version}: ${v.outcomes.length} outcomes, ${outputs.length} outputs, ${indicators} indicators`,
    );
  }
}
