/**
 * An import or an export that took long tells the person who started it (`import_finished`,
 * `export_finished`): they may have left the page, or the connection dropped, while the server worked on.
 * One that ends while they wait on the screen tells nobody — the screen said it. An import committed by
 * someone else than the person who uploaded it tells the uploader whatever its length.
 */
import { personOf, type ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { notify } from './notify.js';

let longTaskMs = 10_000;
/** From `JALON_LONG_TASK_SECONDS` (`jalon start`); tests set 0 to make every task long. */
export const configureLongTasks = (ms: number) => {
  longTaskMs = ms;
};

/** A start time for `tookLong`: the process's monotonic clock, not the context's (which tests fix). */
export const taskStart = () => performance.now();
export const tookLong = (start: number) => performance.now() - start >= longTaskMs;

interface Finished {
  programmeId: string | null;
  programme: string | null;
  file: string;
  /** where the result is seen: a path of the web app */
  link: string;
}

/**
 * Tells the uploader that their import was written, inside the commit's transaction (so a rolled back commit
 * tells nobody): when it took long, or when someone else committed it.
 */
export async function importFinished(
  tx: DbOrTx,
  ctx: ServiceContext,
  start: number,
  task: Finished & { startedBy: string | null; count: number | null },
): Promise<void> {
  const by = personOf(ctx.actor)?.id ?? null;
  const author = task.startedBy ?? by;
  if (!author || (author === by && !tookLong(start))) return;
  await notify(tx, {
    kind: 'import_finished',
    programmeId: task.programmeId,
    facts: {
      programme: task.programme ?? '—',
      file: task.file,
      ...(task.count !== null ? { count: task.count } : {}),
    },
    link: task.link,
    to: { users: [author] },
  });
}

/** Tells the person who asked for an export that took long that it is ready (an export writes nothing else). */
export async function exportFinished(ctx: ServiceContext, start: number, task: Finished): Promise<void> {
  const person = personOf(ctx.actor);
  if (!person || !tookLong(start)) return;
  await ctx.db.transaction((tx) =>
    notify(tx, {
      kind: 'export_finished',
      programmeId: task.programmeId,
      facts: { programme: task.programme ?? '—', file: task.file },
      link: task.link,
      to: { users: [person.id] },
    }),
  );
}
