/**
 * A newcomer's `npm install` is clean on every Node.js that package.json declares: each locked package that
 * states an engine accepts the whole declared range (a package that needs Node 22 while we declare 20 would
 * print EBADENGINE, and may break at run time on Node 20). Install scripts are reviewed too (`allowScripts`).
 */
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

interface LockedPackage {
  version?: string;
  engines?: { node?: string } | string[];
  hasInstallScript?: boolean;
}
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  engines: { node: string };
  allowScripts?: Record<string, boolean>;
};
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<string, LockedPackage>;
};
const locked = Object.entries(lock.packages).filter(([path]) => path !== '');
const nameOf = (path: string) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);

describe('the declared Node.js engine', () => {
  it('is accepted by every locked package', () => {
    const declared = manifest.engines.node;
    const refusing = locked.flatMap(([path, pkg]) => {
      const wanted = !pkg.engines || Array.isArray(pkg.engines) ? undefined : pkg.engines.node;
      return wanted && !semver.subset(declared, wanted)
        ? [`${nameOf(path)}@${pkg.version}: node ${wanted}`]
        : [];
    });
    expect(refusing).toEqual([]);
  });

  it('includes the Node.js running the tests', () => {
    expect(semver.satisfies(process.version, manifest.engines.node)).toBe(true);
  });

  it('leaves no install script unreviewed', () => {
    const allowed = manifest.allowScripts ?? {};
    const unreviewed = locked
      .filter(([, pkg]) => pkg.hasInstallScript)
      .map(([path]) => nameOf(path))
      .filter((name) => !(name in allowed));
    expect(unreviewed).toEqual([]);
  });
});
