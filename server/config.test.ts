import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('configuration', () => {
  it('listens on this machine only unless HOST says otherwise (the first start prints demo passwords)', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
  });

  it('reads the environment as the Zod schema it replaced did (numbers coerced, empty means unset, URLs trimmed)', () => {
    const c = loadConfig({
      PORT: '8080',
      DATABASE_URL: ' postgres://db/jalon ',
      JALON_WORKERS: '',
      JALON_MAIL_POLL_SECONDS: '0.5',
    });
    expect(c.port).toBe(8080);
    expect(c.database).toEqual({ url: 'postgres://db/jalon' });
    expect(c.workers).toBeNull();
    expect(c.notifications.mailPollMs).toBe(500);
    expect(loadConfig({ DATABASE_URL: '' }).database).toHaveProperty('dataDir');
    expect(loadConfig({}).logLevel).toBe('info');
    expect(() => loadConfig({ LOG_LEVEL: 'loud', PORT: '1.5', JALON_SMTP_URL: 'not a url' })).toThrow(
      /PORT[\s\S]*LOG_LEVEL[\s\S]*JALON_SMTP_URL/,
    );
    expect(() => loadConfig({ JALON_DIGEST_HOUR: '24' })).toThrow(/JALON_DIGEST_HOUR/);
  });
});
