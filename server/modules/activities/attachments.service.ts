/**
 * Photos and documents of an activity. A file is accepted for what its bytes are, not for what its name or
 * the browser says: JPEG, PNG or WebP for a photo; PDF, Word, Excel (or an image) for a document; nothing else
 * (no SVG, no HTML, no executable). Its name is reduced to a plain file name — it is never used as a path: the
 * bytes live in the database.
 */
import { createHash } from 'node:crypto';
import {
  attachmentLimits,
  type Attachment,
  type AttachmentKind,
} from '../../../core/contracts/activities.js';
import type { DbOrTx } from '../../db/client.js';
import { actorOf, type ServiceContext } from '../../context.js';
import { tIn } from '../../../core/i18n/t.js';
import { AppError, findOrFail } from '../../errors.js';
import { canActForAgency } from '../auth/policy.js';
import { attachmentUrl } from './activities.presenter.js';
import { optionalText } from '../programmes/programmes.presenter.js';
import {
  activityOwner,
  attachmentFileById,
  attachmentOwner,
  deleteAttachmentById,
  insertAttachment,
  lastAttachmentSort,
  programmeIdOfAttachment,
  updateAttachmentById,
  type AttachmentInsert,
  type AttachmentRow,
} from './attachments.queries.js';

const startsWith = (bytes: Buffer, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** What the bytes are, by their signature; null for anything not accepted. */
export function sniffContentType(bytes: Buffer): { type: string; extension: string } | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { type: 'image/jpeg', extension: 'jpg' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { type: 'image/png', extension: 'png' };
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8))
    return { type: 'image/webp', extension: 'webp' };
  if (startsWith(bytes, ascii('%PDF-'))) return { type: 'application/pdf', extension: 'pdf' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // an Office file is a zip whose entry names are stored in clear: look for the part that makes it one
    const head = bytes.subarray(0, Math.min(bytes.length, 4 * 1024 * 1024)).toString('latin1');
    if (head.includes('[Content_Types].xml') || head.includes('_rels/.rels')) {
      if (head.includes('word/'))
        return {
          type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          extension: 'docx',
        };
      if (head.includes('xl/'))
        return {
          type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          extension: 'xlsx',
        };
    }
  }
  return null;
}

/**
 * A name safe to show and to send back in a download header: no folders (`../../etc/passwd` → `passwd`), no
 * control characters, no leading dots, at most 150 characters, with the extension of what the bytes are.
 */
export function safeFileName(raw: string | undefined, extension: string): string {
  const base = (raw ?? '')
    .split(/[\\/]/)
    .pop()!
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    .replace(/^[.\s]+/, '')
    .trim();
  const stem = (base.replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'fichier').slice(0, 140);
  return `${stem}.${extension}`;
}

function assertAgency(ctx: ServiceContext, row: { programmeId: string; organisationId: string }) {
  if (!canActForAgency(ctx.actor, row.programmeId, row.organisationId))
    throw new AppError('forbidden', 'A focal point changes the activities of their own agency only');
}

function present(r: AttachmentRow): Attachment {
  return {
    id: r.id,
    kind: r.kind,
    fileName: r.fileName,
    contentType: r.contentType,
    size: r.size,
    caption: optionalText(r.captionFr, r.captionEn),
    credit: r.credit,
    takenOn: r.takenOn,
    url: attachmentUrl(r.id),
    createdAt: r.createdAt.toISOString(),
  };
}

export interface UploadInput {
  kind?: AttachmentKind;
  fileName?: string;
  captionFr?: string;
  captionEn?: string;
  credit?: string;
  takenOn?: string;
}

/** Attaches a photo or a document to an activity; refuses what is empty, too big or of another type. */
export async function addAttachment(
  ctx: ServiceContext,
  activityId: string,
  bytes: Buffer | undefined,
  input: UploadInput,
): Promise<Attachment> {
  const say = tIn(ctx.locale);
  const activity = await findOrFail(activityOwner(ctx.db, activityId), 'Activity', activityId);
  assertAgency(ctx, activity);
  if (!bytes || !Buffer.isBuffer(bytes) || bytes.length === 0) {
    throw new AppError('validation_failed', 'Empty file', {
      issues: [{ path: 'body', message: say('fieldRules.attachments.empty') }],
    });
  }
  const sniffed = sniffContentType(bytes);
  const kind: AttachmentKind = input.kind ?? (sniffed?.type.startsWith('image/') ? 'photo' : 'document');
  const limits = attachmentLimits[kind];
  if (!sniffed || !(limits.contentTypes as readonly string[]).includes(sniffed.type)) {
    throw new AppError('unsupported_media_type', 'File type not accepted', {
      issues: [
        {
          path: 'body',
          message:
            kind === 'photo'
              ? say('fieldRules.attachments.photoType')
              : say('fieldRules.attachments.documentType'),
        },
      ],
    });
  }
  if (bytes.length > limits.maxBytes) {
    const mb = limits.maxBytes / 1024 / 1024;
    throw new AppError('payload_too_large', 'File too large', {
      issues: [{ path: 'body', message: say('fieldRules.attachments.tooLarge', { megabytes: mb }) }],
    });
  }
  const [row] = await ctx.db.transaction(async (tx) => {
    const last = await lastAttachmentSort(tx, activityId);
    return insertAttachment(tx, {
      activityId,
      kind,
      fileName: safeFileName(input.fileName, sniffed.extension),
      contentType: sniffed.type,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      captionFr: input.captionFr || null,
      captionEn: input.captionEn || null,
      credit: input.credit || null,
      takenOn: input.takenOn ?? null,
      bytes,
      sort: (last ?? -1) + 1,
      createdBy: actorOf(ctx).name,
    });
  });
  return present(row!);
}

/** The file of an attachment, for download. */
export async function attachmentFile(
  ctx: ServiceContext,
  id: string,
): Promise<{ bytes: Buffer; contentType: string; fileName: string; kind: AttachmentKind }> {
  return findOrFail(attachmentFileById(ctx.db, id), 'Attachment', id);
}

const attachmentActivity = (db: DbOrTx, id: string) => findOrFail(attachmentOwner(db, id), 'Attachment', id);

/** Changes the caption, credit or date of an attachment. */
export async function updateAttachment(
  ctx: ServiceContext,
  id: string,
  patch: { caption?: { fr: string; en?: string } | null; credit?: string | null; takenOn?: string | null },
): Promise<Attachment> {
  assertAgency(ctx, await attachmentActivity(ctx.db, id));
  const set: Partial<AttachmentInsert> = { updatedAt: ctx.now() };
  if (patch.caption !== undefined) {
    set.captionFr = patch.caption?.fr ?? null;
    set.captionEn = patch.caption?.en ?? null;
  }
  if (patch.credit !== undefined) set.credit = patch.credit;
  if (patch.takenOn !== undefined) set.takenOn = patch.takenOn;
  const row = await findOrFail(updateAttachmentById(ctx.db, id, set), 'Attachment', id);
  return present(row);
}

export async function deleteAttachment(ctx: ServiceContext, id: string): Promise<void> {
  assertAgency(ctx, await attachmentActivity(ctx.db, id));
  await deleteAttachmentById(ctx.db, id);
}

/** The programme of an attachment (for the access rule of its routes). */
export async function programmeOfAttachment(db: DbOrTx, id: string | undefined): Promise<string | undefined> {
  if (!id || !/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  return programmeIdOfAttachment(db, id);
}
