/**
 * fflate (92 KB of JavaScript), loaded by the first workbook written or read rather than at every start: the
 * modules that use it are imported by the server's routes and by commands that never touch a workbook (issue 20,
 * item 4; server/cli/startup-imports.test.ts). `require` because a workbook is begun synchronously; its CommonJS
 * build is the same code as its ESM one.
 */
import { createRequire } from 'node:module';
import type * as Fflate from 'fflate';

let loaded: typeof Fflate | undefined;

export const fflate = (): typeof Fflate =>
  (loaded ??= createRequire(import.meta.url)('fflate') as typeof Fflate);
