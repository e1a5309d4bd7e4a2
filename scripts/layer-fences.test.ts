/** The layer fences hold: core/ imports neither server/, web/ nor node:*; web/ never imports server/. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();
const restricted = async (code: string, filePath: string) => {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').length;
};

describe('layer fences', () => {
  it('refuse server/, web/ and node:* in core/', async () => {
    expect(
      await restricted(
        "import { AppError } from '../server/errors.js';\nexport const a = AppError;\n",
        'core/probe.ts',
      ),
    ).toBe(1);
    expect(
      await restricted(
        "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n",
        'core/probe.ts',
      ),
    ).toBe(1);
    expect(await restricted("import { z } from 'zod';\nexport const a = z;\n", 'core/probe.ts')).toBe(0);
  });
  it('refuse server/ in web/', async () => {
    expect(
      await restricted(
        "import { loadConfig } from '../server/config.js';\nexport const a = loadConfig;\n",
        'web/probe.ts',
      ),
    ).toBe(1);
    expect(
      await restricted(
        "import { localize } from '../core/i18n/locale.js';\nexport const a = localize;\n",
        'web/probe.ts',
      ),
    ).toBe(0);
  });
});
