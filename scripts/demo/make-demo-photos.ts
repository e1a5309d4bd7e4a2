/**
 * Draws the illustrations that stand for the photos of seed 004 in the demo data (the report's photographs
 * are not available as files): a simple scene per photo, without words — the demo data's captions say, in
 * each language, that it is an illustration (server/seed/field/seed-field.ts).
 *
 *   node_modules/.bin/tsx scripts/demo/make-demo-photos.ts
 *
 * Writes server/seed/field/photos/*.jpg (about 15 KB each) with Debian's Chromium.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { prosmedQ4Activities } from '../../server/seed/field/prosmed-2023-q4.js';

const out = new URL('../../server/seed/field/photos/', import.meta.url);
mkdirSync(out, { recursive: true });

const people = (n: number, y: number, color: string) =>
  Array.from({ length: n }, (_, i) => {
    const x = 90 + i * (620 / n) + (i % 2) * 12;
    const h = 70 + ((i * 37) % 30);
    return `<g fill="${color}"><circle cx="${x}" cy="${y - h - 14}" r="13"/><rect x="${x - 14}" y="${y - h}" width="28" height="${h}" rx="10"/></g>`;
  }).join('');

function scene(file: string): string {
  const sky =
    file.includes('copil') || file.includes('snlc') || file.includes('judiciaire') ? '#dfe7f1' : '#f6e2b8';
  const ground =
    file.includes('copil') || file.includes('snlc') || file.includes('judiciaire') ? '#b9c6d6' : '#d9a25f';
  let body = '';
  if (file.includes('forage'))
    body = `<rect x="520" y="170" width="120" height="80" fill="#2b6cb0"/><rect x="575" y="250" width="10" height="120" fill="#555"/><rect x="540" y="330" width="80" height="40" fill="#777"/>${people(5, 430, '#7a3e1d')}`;
  else if (file.includes('commissariat'))
    body = `<rect x="230" y="170" width="340" height="200" fill="#f1f1f1" stroke="#555" stroke-width="4"/><rect x="230" y="150" width="340" height="30" fill="#2c5282"/><rect x="370" y="280" width="60" height="90" fill="#4a5568"/>${[260, 320, 460, 520].map((x) => `<rect x="${x}" y="210" width="40" height="40" fill="#90cdf4"/>`).join('')}`;
  else if (file.includes('copil') || file.includes('snlc') || file.includes('judiciaire'))
    body = `<rect x="120" y="300" width="560" height="40" fill="#744210"/>${people(7, 300, '#2d3748')}<rect x="300" y="90" width="200" height="80" fill="#fff" stroke="#2b6cb0" stroke-width="4"/>`;
  else if (file.includes('marche'))
    body =
      people(9, 440, '#2f855a') +
      `<rect x="300" y="200" width="200" height="50" fill="#fff" stroke="#2f855a" stroke-width="4"/>`;
  else
    body =
      people(8, 440, '#9c4221') +
      `<rect x="80" y="180" width="140" height="90" fill="#fefcbf" stroke="#975a16" stroke-width="4"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="533" viewBox="0 0 800 533">
    <rect width="800" height="533" fill="${sky}"/><rect y="380" width="800" height="153" fill="${ground}"/>
    <circle cx="700" cy="90" r="40" fill="#f6ad55" opacity="0.7"/>${body}</svg>`;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 800, height: 533 } });
for (const activity of prosmedQ4Activities) {
  for (const photo of activity.photos ?? []) {
    // no words in the picture: its caption says it is an illustration, in the document's language
    await page.setContent(`<html><body style="margin:0">${scene(photo.file)}</body></html>`);
    writeFileSync(new URL(photo.file, out), await page.screenshot({ type: 'jpeg', quality: 70 }));
    console.log(photo.file);
  }
}
await browser.close();
