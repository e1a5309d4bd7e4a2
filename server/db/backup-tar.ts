/**
 * The container of a backup: a POSIX tar archive (ustar) of regular files, written and read one entry at a time,
 * so any `tar` can list or unpack it. Only what backups need: names under 100 bytes, no links, no folders, no
 * extended headers. Every header's checksum is checked and an entry that would run past the end of the file is
 * refused before anything is allocated for it.
 */
import type { FileHandle } from 'node:fs/promises';

const BLOCK = 512;
/** PostgreSQL's largest value is 1 GB: no entry of a backup is bigger (a bigger size is a damaged header). */
export const MAX_ENTRY_BYTES = 1024 * 1024 * 1024;

/** A tar archive that cannot be read: cut short, a damaged header, something else than tar. */
export class TarError extends Error {}

const octal = (value: number, width: number) => `${value.toString(8).padStart(width - 1, '0')}\0`;

function header(name: string, size: number, mtime: Date): Buffer {
  const block = Buffer.alloc(BLOCK);
  if (Buffer.byteLength(name) > 99) throw new Error(`tar entry name too long: ${name}`);
  block.write(name, 0);
  block.write(octal(0o644, 8), 100);
  block.write(octal(0, 8), 108);
  block.write(octal(0, 8), 116);
  block.write(octal(size, 12), 124);
  block.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136);
  block.write('        ', 148); // the checksum counts its own field as spaces
  block.write('0', 156);
  block.write('ustar\0', 257);
  block.write('00', 263);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return block;
}

const padding = (size: number) => (BLOCK - (size % BLOCK)) % BLOCK;

/** Appends entries to an open file; `end()` writes the two empty blocks that close an archive. */
export class TarWriter {
  private readonly mtime = new Date();
  /** bytes written so far */
  written = 0;
  constructor(private readonly handle: FileHandle) {}

  private async write(bytes: Buffer) {
    for (let offset = 0; offset < bytes.length;) {
      const { bytesWritten } = await this.handle.write(bytes, offset, bytes.length - offset);
      offset += bytesWritten;
    }
    this.written += bytes.length;
  }

  async entry(name: string, content: Buffer): Promise<void> {
    await this.write(header(name, content.length, this.mtime));
    await this.write(content);
    const pad = padding(content.length);
    if (pad) await this.write(Buffer.alloc(pad));
  }

  async end(): Promise<void> {
    await this.write(Buffer.alloc(BLOCK * 2));
  }
}

export interface TarEntry {
  name: string;
  content: Buffer;
}

/** Reads an archive entry by entry; `next()` is null at its end. */
export class TarReader {
  private position = 0;
  /** the name of the last entry read whole, to say where a damaged archive stops making sense */
  last: string | undefined;
  constructor(
    private readonly handle: FileHandle,
    private readonly size: number,
  ) {}

  private async read(length: number, what: string): Promise<Buffer> {
    if (this.position + length > this.size)
      throw new TarError(`it is cut short: it ends in the middle of ${what}`);
    const bytes = Buffer.allocUnsafe(length);
    for (let got = 0; got < length;) {
      const { bytesRead } = await this.handle.read(bytes, got, length - got, this.position + got);
      if (bytesRead === 0) throw new TarError(`it is cut short: it ends in the middle of ${what}`);
      got += bytesRead;
    }
    this.position += length;
    return bytes;
  }

  private get here() {
    return this.last ? `the entry after ${this.last}` : 'its first entry';
  }

  async next(): Promise<TarEntry | null> {
    if (this.position === this.size) throw new TarError(`it is cut short: it ends before ${this.here}`);
    const block = await this.read(BLOCK, `the header of ${this.here}`);
    if (block.every((b) => b === 0)) return null;
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i]!;
    const field = (start: number, length: number) =>
      block.toString('latin1', start, start + length).replace(/\0.*$/s, '');
    const recorded = parseInt(field(148, 8).trim(), 8);
    if (field(257, 5) !== 'ustar' || recorded !== sum)
      throw new TarError(`the header of ${this.here} is damaged (or this is not a tar archive)`);
    const name = block.toString('utf8', 0, 100).replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12).trim(), 8);
    const type = field(156, 1);
    if (!Number.isSafeInteger(size) || size < 0 || size > MAX_ENTRY_BYTES || (type !== '0' && type !== ''))
      throw new TarError(`the header of ${name} is damaged`);
    const content = await this.read(size, name);
    const pad = padding(size);
    if (pad) await this.read(pad, name);
    this.last = name;
    return { name, content };
  }
}
