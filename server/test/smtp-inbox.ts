/**
 * A real SMTP server in the test process (npm `smtp-server`), keeping every message it accepts: the tests of
 * e-mail assert on what a mail server actually received. `refuse(n)` makes it refuse the next n messages
 * (a mail server down or overloaded), as a real server does, with a 4xx reply.
 */
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  messageId: string;
}

/** RFC 2047 words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`) back to text. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_, enc: string, body: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(body, 'base64').toString('utf8')
        : Buffer.from(
            body
              .replace(/_/g, ' ')
              .replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

function parse(raw: string, to: string[]): ReceivedMail {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headers)?.[1]?.trim() ?? '';
  let body = rest.join('\n\n');
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  if (encoding === 'quoted-printable') {
    body = Buffer.from(
      body
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  } else if (encoding === 'base64') {
    body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  }
  return {
    to,
    subject: decodeWords(header('Subject')),
    text: body.replace(/\r\n/g, '\n'),
    messageId: header('Message-ID'),
  };
}

export interface SmtpInbox {
  url: string;
  port: number;
  messages: ReceivedMail[];
  /** the messages to one address */
  to(address: string): ReceivedMail[];
  refuse(count: number): void;
  /** the first message (already there or to come) that `match` accepts; rejects after `timeoutMs` */
  waitFor(match: (m: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export async function startSmtpInbox(): Promise<SmtpInbox> {
  const messages: ReceivedMail[] = [];
  const waiting = new Set<(m: ReceivedMail) => void>();
  let refusals = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (refusals > 0) {
        refusals--;
        const error = new Error('Service temporarily unavailable') as Error & { responseCode: number };
        error.responseCode = 421;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const mail = parse(
          Buffer.concat(chunks).toString('utf8'),
          session.envelope.rcptTo.map((r) => r.address),
        );
        messages.push(mail);
        for (const wake of waiting) wake(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    to: (a) => messages.filter((m) => m.to.includes(a)),
    refuse: (n) => {
      refusals = n;
    },
    waitFor: (match, timeoutMs = 30_000) => {
      const found = messages.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const wake = (m: ReceivedMail) => {
          if (!match(m)) return;
          waiting.delete(wake);
          clearTimeout(timer);
          resolve(m);
        };
        const timer = setTimeout(() => {
          waiting.delete(wake);
          reject(
            new Error(
              `no such e-mail within ${timeoutMs} ms; received: ${messages.map((m) => `${m.to.join(',')} ${m.subject}`).join(' | ')}`,
            ),
          );
        }, timeoutMs);
        waiting.add(wake);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
