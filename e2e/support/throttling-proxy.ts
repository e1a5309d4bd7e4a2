/**
 * A slow link between the browser and the server, outside the browser: a TCP proxy that carries every byte of
 * every connection — the page's and the service worker's alike (DevTools throttling applies to a page's own
 * requests only, so a worker's sending escaped it) — through one shared pipe each way of `bytesPerSecond`, each
 * byte arriving `latencyMs / 2` after it left its sender (a round trip of `latencyMs`), and a new connection's
 * first bytes one round trip late (TCP's handshake). Counts the bytes each way.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface LinkConditions {
  /** round trip, ms */
  latencyMs: number;
  /** each way, bytes per second (400 kbit/s = 50,000) */
  bytesPerSecond: number;
}

export interface ThrottlingProxy {
  url: string;
  /** bytes carried browser → server and server → browser since the start or the last `reset` */
  bytes(): { up: number; down: number; connections: number };
  reset(): void;
  close(): Promise<void>;
}

/** One direction of the link, shared by every connection: bytes leave one after the other at the link's rate. */
class Pipe {
  private freeAt = 0;
  carried = 0;
  constructor(private readonly link: LinkConditions) {}

  /** When a chunk of `length` bytes given now, not before `notBefore`, reaches the other end (ms, epoch). */
  arrival(length: number, notBefore: number): number {
    const start = Math.max(Date.now(), this.freeAt, notBefore);
    this.freeAt = start + (length / this.link.bytesPerSecond) * 1000;
    this.carried += length;
    return this.freeAt + this.link.latencyMs / 2;
  }
}

/** Forwards `from` to `to` through `pipe`, in order, ending `to` after the last byte has arrived. */
function carry(from: Socket, to: Socket, pipe: Pipe, notBefore: () => number): void {
  // the last scheduled arrival of this direction: a chunk never overtakes the one before it
  let last = 0;
  const deliver = (at: number, work: () => void) => {
    last = Math.max(last, at);
    setTimeout(work, Math.max(0, last - Date.now()));
  };
  from.on('data', (chunk: Buffer) => {
    // slices of 16 KB so that connections share the pipe as packets do, not a whole photo at a time
    for (let offset = 0; offset < chunk.length; offset += 16 * 1024) {
      const slice = chunk.subarray(offset, offset + 16 * 1024);
      deliver(pipe.arrival(slice.length, notBefore()), () => {
        if (!to.destroyed) to.write(slice);
      });
    }
  });
  from.on('end', () => deliver(last, () => to.end()));
  from.on('error', () => deliver(last, () => to.destroy()));
  from.on('close', () => deliver(last, () => to.end()));
}

export async function startThrottlingProxy(target: string, link: LinkConditions): Promise<ThrottlingProxy> {
  const upstream = new URL(target);
  const up = new Pipe(link);
  const down = new Pipe(link);
  let connections = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    connections += 1;
    // the handshake: the browser's first bytes leave one round trip after it asked to connect
    const open = Date.now() + link.latencyMs;
    const server = connect(Number(upstream.port), upstream.hostname);
    for (const socket of [client, server]) {
      sockets.add(socket);
      socket.setNoDelay(true);
      socket.on('close', () => sockets.delete(socket));
    }
    carry(client, server, up, () => open);
    carry(server, client, down, () => open);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    bytes: () => ({ up: up.carried, down: down.carried, connections }),
    // the counters only: connections kept alive go on sharing the same two pipes
    reset: () => {
      up.carried = 0;
      down.carried = 0;
      connections = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
