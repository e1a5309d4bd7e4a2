// `npm start` runs this first: build the web app once, and again only when its sources changed.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const dist = 'web/dist/index.html';
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}
const stale = !existsSync(dist) || Math.max(newest('web'), newest('core')) > statSync(dist).mtimeMs;
if (stale) {
  console.log(
    'Building the web app (once, and again only when its sources change; about 10 s on an idle machine)…',
  );
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
}
