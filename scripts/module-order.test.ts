/**
 * The module order of .dependency-cruiser.cjs holds on the whole tree (CI also runs it through `npm run lint`),
 * and the rules can fail: a module importing one below it in the order, or files importing each other, are
 * caught — tried on a small tree written for the test.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';

const config = createRequire(import.meta.url)('../.dependency-cruiser.cjs') as IConfiguration;

async function violations(dirs: string[], baseDir?: string): Promise<string[]> {
  const { output } = await cruise(dirs, {
    ...config.options,
    ruleSet: { forbidden: config.forbidden ?? [] },
    validate: true,
    ...(baseDir ? { baseDir, tsConfig: undefined } : {}),
  });
  const result = output as ICruiseResult;
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

const probe = mkdtempSync(join(tmpdir(), 'jalon-modules-'));
afterAll(() => rmSync(probe, { recursive: true, force: true }));
function write(path: string, source: string): void {
  mkdirSync(dirname(join(probe, path)), { recursive: true });
  writeFileSync(join(probe, path), source);
}

describe('module order', () => {
  it('holds on the whole tree', async () => {
    expect(await violations(['core', 'server', 'web'])).toEqual([]);
  }, 120_000);

  it('refuses an import of a later module, and a cycle between files', async () => {
    write(
      'server/modules/periods/period-locks.ts',
      "import { x } from '../reports/reports.service.js';\nexport const y = x;\n",
    );
    write('server/modules/reports/reports.service.ts', 'export const x = 1;\n');
    write('web/lib/a.ts', "import { b } from './b.js';\nexport const a = b;\n");
    write('web/lib/b.ts', "import { a } from './a.js';\nexport const b = () => a;\n");
    // across two folders of the same layer, and through a type only: still a cycle
    write(
      'web/lib/headers.ts',
      "import type { Rule } from '../sw/rules.js';\nexport const h: Rule = 'x-jalon';\n",
    );
    write(
      'web/sw/rules.ts',
      "import { h } from '../lib/headers.js';\nexport type Rule = string;\nexport const r = h;\n",
    );
    const found = await violations(['server', 'web'], probe);
    expect(found).toContain(
      'order-periods: server/modules/periods/period-locks.ts → server/modules/reports/reports.service.ts',
    );
    expect(found.filter((v) => v.startsWith('no-circular: web/lib/a.ts'))).not.toEqual([]);
    // which side of the lib ↔ sw cycle dependency-cruiser names first is not fixed: either is the cycle caught
    expect(
      found.filter(
        (v) =>
          v.startsWith('no-circular: ') && v.includes('web/sw/rules.ts') && v.includes('web/lib/headers.ts'),
      ),
    ).not.toEqual([]);
  }, 120_000);

  it('refuses SQL outside a queries file, and the server’s sentences in the web', async () => {
    write('server/db/schema/index.ts', 'export const programmes = {};\n');
    write(
      'server/modules/geography/places.service.ts',
      "import * as t from '../../db/schema/index.js';\nexport const p = t.programmes;\n",
    );
    write(
      'server/modules/geography/places.queries.ts',
      "import * as t from '../../db/schema/index.js';\nexport const q = t.programmes;\n",
    );
    write('core/i18n/t.ts', 'export const t = () => "";\n');
    write('web/features/page.ts', "import { t } from '../../core/i18n/t.js';\nexport const s = t();\n");
    const found = await violations(['server', 'web', 'core'], probe);
    expect(found).toContain(
      'schema-only-in-queries: server/modules/geography/places.service.ts → server/db/schema/index.ts',
    );
    expect(found.filter((v) => v.includes('places.queries.ts'))).toEqual([]);
    expect(found).toContain('web-says-only-the-screens-catalogue: web/features/page.ts → core/i18n/t.ts');
  }, 120_000);
});
