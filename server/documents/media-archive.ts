/**
 * The ZIP of a Kobo or ODK export's attachments (photos taken with the form), read without trusting it: the
 * central directory lists the files (`zip-check.ts`); a file's bytes are inflated only when asked for, each
 * bounded by the size a photo may have, so a lying or hostile ZIP costs at most that per file. Names are never
 * used as paths: they are only compared with the names the export's cells give.
 *
 * How the exports lay their files out: KoboToolbox's "media attachments" ZIP puts each submission's files in a
 * folder named after it (`…/<submission uuid>/<file>`); ODK Central's "with media" ZIP puts them all in
 * `media/<file>`. A file is found by its name in the submission's folder first, else by its name alone when
 * only one file in the ZIP has it (two phones may both have named a photo `1700000000000.jpg`).
 */
import { inflateRawSync } from 'node:zlib';
import { centralDirectory, dataStart, type DirectoryEntry } from './xlsx/zip-check.js';

export interface MediaFile {
  /** the path inside the ZIP */
  path: string;
  /** the last segment: what an export's cell names */
  name: string;
  /** the folders above it */
  folders: string[];
  entry: DirectoryEntry;
}

export interface MediaArchive {
  files: MediaFile[];
  /** the bytes of a file, or null when they cannot be read or pass `limit` bytes once inflated */
  read(file: MediaFile, limit: number): Buffer | null;
}

/** The files of a ZIP (folders left out), or null when the bytes are not a ZIP whose directory can be read. */
export function openMediaArchive(bytes: Buffer): MediaArchive | null {
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return null;
  const directory = centralDirectory(bytes);
  if (!directory?.entries) return null;
  const files: MediaFile[] = [];
  for (const entry of directory.entries) {
    if (entry.name.endsWith('/')) continue;
    const segments = entry.name.split(/[\\/]/).filter((s) => s !== '' && s !== '.' && s !== '..');
    const name = segments.pop();
    // macOS's resource forks beside every file of a ZIP made by the Finder
    if (!name || segments[0] === '__MACOSX' || name.startsWith('._')) continue;
    files.push({ path: entry.name, name, folders: segments, entry });
  }
  return {
    files,
    read(file, limit) {
      const start = dataStart(bytes, file.entry);
      if (start === undefined) return null;
      const stored = bytes.subarray(start, Math.min(bytes.length, start + file.entry.compressedSize));
      if (file.entry.method === 0) return stored.length <= limit ? Buffer.from(stored) : null;
      if (file.entry.method !== 8) return null;
      try {
        // stops with an error past the limit: a file that inflates beyond a photo's size is refused unread
        return inflateRawSync(stored, { maxOutputLength: limit });
      } catch {
        return null;
      }
    },
  };
}

/** Where a cell's file is: found, not there, or there several times and none in the submission's folder. */
export type MediaMatch = { found: MediaFile } | { missing: true } | { ambiguous: number };

/**
 * The file a submission's cell names: in a folder named after the submission (`submission` is its `_uuid` or
 * instance id, with or without `uuid:`), else the only file of the ZIP with that name.
 */
export function findMedia(archive: MediaArchive, fileName: string, submission: string | null): MediaMatch {
  const name = fileName.trim();
  const same = archive.files.filter((f) => f.name === name);
  if (same.length === 0) return { missing: true };
  const id = submission?.trim().replace(/^uuid:/i, '');
  if (id) {
    const inFolder = same.filter((f) => f.folders.some((folder) => folder.replace(/^uuid:/i, '') === id));
    if (inFolder.length >= 1) return { found: inFolder[0]! };
  }
  if (same.length === 1) return { found: same[0]! };
  return { ambiguous: same.length };
}
