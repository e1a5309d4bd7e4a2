/**
 * The mail worker of the server process: it claims the e-mails due in the outbox, hands each to the SMTP
 * server (nodemailer), and marks it sent, or puts it back for a later attempt with a growing delay. Claiming
 * before sending is what makes a restart or a second server send nothing twice; a mail server that is down
 * only delays the e-mails. Each message keeps one Message-ID (`<outbox id@jalon>`) across attempts, so the one
 * case left — a worker killed between the SMTP server's acceptance and the mark — is a duplicate a mail client
 * recognises.
 */
import type { Transporter } from 'nodemailer';
import type { DbOrTx } from '../../db/client.js';
import { claimOutbox, hasDueMail, markFailed, markSent, type OutboxRow } from './notifications.queries.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  messageId: string;
}
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/**
 * Through the SMTP server of `JALON_SMTP_URL` (`smtp://user:pass@host:587`, `smtps://…`), from `from`.
 * nodemailer is loaded at the first e-mail sent, not at every start of a server that may send none (issue 20,
 * item 4: a start ≤ 2 s, ≤ 250 MB).
 */
export function smtpTransport(url: string, from: string): MailTransport {
  let opened: Promise<Transporter> | undefined;
  const transport = () =>
    (opened ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(url)));
  return {
    async send(mail) {
      await (
        await transport()
      ).sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
      });
    },
    close: () =>
      void opened?.then(
        (t) => t.close(),
        () => undefined,
      ),
  };
}

/** The delay before attempt n+1: 1 min, 5 min, 15 min, 1 h, then every 4 h; given up after 12 attempts. */
export const retryDelayMs = (attempts: number): number | null =>
  attempts >= 12 ? null : ([60, 300, 900, 3600][attempts - 1] ?? 4 * 3600) * 1000;

/** A worker that died mid-send left its rows `sending`: taken again after this long. */
const staleMs = 10 * 60_000;

/** Sends every e-mail due at `now`, a batch at a time; returns what it did. */
export async function deliverDue(
  db: DbOrTx,
  transport: MailTransport,
  now: () => Date = () => new Date(),
  log?: { warn(msg: string): void },
): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (;;) {
    const at = now();
    const batch = await claimOutbox(db, at, 20, new Date(at.getTime() - staleMs));
    if (!batch.length) return { sent, failed };
    for (const row of batch) {
      try {
        await transport.send(outgoing(row));
        await markSent(db, row.id, now());
        sent++;
      } catch (error) {
        failed++;
        const delay = retryDelayMs(row.attempts);
        const message = error instanceof Error ? error.message : String(error);
        log?.warn(`e-mail to ${row.to} refused (attempt ${row.attempts}): ${message}`);
        await markFailed(
          db,
          row.id,
          message.slice(0, 500),
          delay === null ? null : new Date(now().getTime() + delay),
        );
      }
    }
  }
}

const outgoing = (row: OutboxRow): OutgoingMail => ({
  to: row.to,
  subject: row.subject,
  text: row.text,
  messageId: `<${row.id}@jalon>`,
});

/**
 * Runs `deliverDue` every `pollMs` while the server runs. `stop` waits for the e-mail being sent, so a
 * normal stop never leaves one half done.
 */
export function startMailWorker(
  db: DbOrTx,
  transport: MailTransport,
  options: { pollMs: number; log?: { warn(msg: string): void; error(msg: string): void } },
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    running = (async () => {
      if (stopped || !(await hasDueMail(db, new Date()))) return;
      await deliverDue(db, transport, () => new Date(), options.log);
    })()
      .catch((error: unknown) => options.log?.error(`mail worker: ${String(error)}`))
      .finally(() => {
        busy = false;
      });
  };
  const timer = setInterval(tick, options.pollMs);
  timer.unref();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      transport.close();
    },
  };
}
