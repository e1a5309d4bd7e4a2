/** Signing in and out in the browser, with a demo account printed by the first start. */
import { describe, expect, it } from 'vitest';
import { e2eSuite } from './support/app.js';

describe('sign-in', () => {
  // the sign-in page itself: no page signed in beforehand
  const e2e = e2eSuite({ context: false });

  it('prints one demo account per role on the first start', () => {
    expect(Object.keys(e2e.server.accounts).sort()).toEqual([
      'admin@jalon.demo',
      'bailleur@jalon.demo',
      'coordination.a1@jalon.demo',
      'coordination.prosmed@jalon.demo',
      'fao.a1@jalon.demo',
      'secretariat@jalon.demo',
    ]);
  });

  it('says plainly when the password is wrong, then signs in and out', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.server.url}/sign-in`);
    await page.getByLabel('Adresse e-mail').fill('coordination.a1@jalon.demo');
    await page.getByLabel('Mot de passe').fill('pas le bon');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('incorrect');

    await page.getByLabel('Mot de passe').fill(e2e.server.accounts['coordination.a1@jalon.demo']!);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL(`${e2e.server.url}/`);
    await expect.poll(() => page.getByText('Connecté·e : Coordination PBF/MLI/A-1 (PAM)').count()).toBe(1);

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Se connecter' }).count()).toBe(1);
    await page.close();
  });
});
