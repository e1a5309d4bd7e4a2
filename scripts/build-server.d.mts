// Types of scripts/build-server.mjs, for the tests that use its parts (server/cli/startup-imports.test.ts).
import type { Plugin } from 'esbuild';

export function currentBuild(): Promise<string>;
/** Every language's catalogues as the sources hold them: `{ [locale]: { screens, server } }`. */
export function catalogueData(): Promise<Record<string, unknown>>;
/** esbuild plugin: core/i18n/catalogue-source.ts as a module reading the JSON `writeCatalogues` writes. */
export function cataloguesAsData(locales: string[]): Plugin;
export function writeCatalogues(dir: string, data: Record<string, unknown>): void;
