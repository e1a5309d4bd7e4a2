/**
 * A language's catalogues are read when a sentence is first said in it (core/i18n/t.ts; in the built server,
 * JSON read then). A module that says a sentence when it loads (a constant built with `t`) reads them at every
 * start and command that loads it, whatever it then does: the server's modules and the brief commands' say
 * nothing when loaded.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';

const read = vi.hoisted(() => [] as string[]);
vi.mock('../../core/i18n/catalogue-source.js', async (original) => {
  const source = await original<typeof import('../../core/i18n/catalogue-source.js')>();
  return {
    ...source,
    readCatalogues: (locale: string) => {
      read.push(locale);
      return source.readCatalogues(locale);
    },
  };
});

afterEach(() => {
  read.length = 0;
});

describe('loading the server and the brief commands', () => {
  it('reads no catalogue', async () => {
    await import('../app.js');
    await import('./serve.js');
    await import('./start.command.js');
    await import('./export.command.js');
    expect(read).toEqual([]);
  });

  it('reads a language’s catalogues when a sentence is said in it (the check can fail)', async () => {
    const { t } = await import('../../core/i18n/t.js');
    expect(t('fr', 'cli.processes.running', { workers: 2, pid: 1 })).not.toBe('cli.processes.running');
    expect(read).toEqual(['fr']);
  });
});
