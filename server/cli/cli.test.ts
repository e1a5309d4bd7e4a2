/** The `jalon` command as a user runs it: a real process on a real data directory. */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { programmeDocument } from '../../core/contracts/programme-document.js';
import { lockDataDir } from '../db/data-dir-lock.js';

const run = promisify(execFile);
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-cli-'));
  dirs.push(dir);
  return dir;
};
const jalon = (args: string[], dataDir: string) =>
  run(process.execPath, ['bin/jalon.mjs', ...args], {
    env: { ...process.env, JALON_DATA_DIR: dataDir, DATABASE_URL: '' },
    maxBuffer: 64 * 1024 * 1024,
  });

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('jalon CLI', () => {
  it('seeds, then exports a programme with its whole framework as JSON', async () => {
    const dir = tempDir();
    const seeded = await jalon(['db', 'seed'], dir);
    expect(seeded.stdout).toContain('Created: PBF/MLI/A-1, PBF/MLI/A-2, PBF/MLI/A-3, PROSMED');
    const { stdout } = await jalon(['export', 'programme', 'PBF/MLI/A-1', '--format', 'json'], dir);
    const doc = programmeDocument.parse(JSON.parse(stdout));
    expect(doc.code).toBe('PBF/MLI/A-1');
    const outputs = doc.frameworks[0]!.outcomes.flatMap((o) => o.outputs);
    expect(outputs).toHaveLength(9);
    expect(doc.progress).toHaveLength(40);
    const again = await jalon(['db', 'seed'], dir);
    expect(again.stdout).toContain('Created: none');
    // `jalon export … | head`: the reader closes the pipe early; the command ends quietly, with no EPIPE trace
    const child = spawn(
      process.execPath,
      ['bin/jalon.mjs', 'export', 'programme', 'PROSMED', '--format', 'json'],
      {
        env: { ...process.env, JALON_DATA_DIR: dir, DATABASE_URL: '' },
      },
    );
    let stderr = '';
    child.stderr.on('data', (part: Buffer) => (stderr += part.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  }, 300_000);

  it('refuses a second process on a data directory in use, with a clear message', async () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    try {
      const error = await jalon(['db', 'migrate'], dir).catch((e: { code: number; stderr: string }) => e);
      expect(error).toMatchObject({ code: 1 });
      expect((error as { stderr: string }).stderr).toContain(
        `already in use by another process (pid ${process.pid})`,
      );
    } finally {
      release();
    }
  }, 60_000);

  it('takes over a lock left by a process that died', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'jalon.lock'), '999999999');
    const release = lockDataDir(dir);
    expect(() => lockDataDir(dir)).not.toThrow(); // same process: re-entrant on its own pid
    release();
  });

  it('refuses an unknown export format and an unknown programme', async () => {
    const dir = tempDir();
    await expect(jalon(['export', 'programme', 'PROSMED', '--format', 'pdf'], dir)).rejects.toMatchObject({
      stderr: expect.stringContaining('Unknown format "pdf"'),
    });
    await expect(jalon(['export', 'programme', 'NOPE', '--format', 'json'], dir)).rejects.toMatchObject({
      stderr: expect.stringContaining('not found'),
    });
  }, 60_000);
});
