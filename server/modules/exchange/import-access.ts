/**
 * Who may import a file depends on what it creates, which the request says: new programmes are an
 * administrator's decision; a new framework version of a programme is its coordinator's (programme.write),
 * as a revision made by hand is.
 */
import type { ImportTarget } from '../../../core/contracts/exchange.js';
import type { ServiceContext } from '../../context.js';
import { AppError } from '../../errors.js';
import { can } from '../auth/policy.js';
import { programmeOf } from '../auth/programme-scope.js';

export async function importAccess(ctx: ServiceContext, input: { target?: ImportTarget }): Promise<void> {
  const actor = ctx.actor;
  const target = input.target ?? { kind: 'new_programmes' };
  if (target.kind === 'new_programmes') {
    if (!can(actor, 'admin'))
      throw new AppError('forbidden', 'Only administrators create programmes by import', {
        issues: [{ path: 'body.target', message: 'choose a programme you coordinate (new_version)' }],
      });
    return;
  }
  // an unknown programme is the import's to report (with its own message); here only whose it is
  const programmeId = await programmeOf.slug()(ctx.db, { slug: target.programme });
  if (programmeId && !can(actor, 'programme.write', programmeId))
    throw new AppError('forbidden', `Not a coordinator of ${target.programme}`, {
      issues: [{ path: 'body.target.programme', message: 'you do not coordinate this programme' }],
    });
  if (!programmeId && !can(actor, 'admin')) throw new AppError('forbidden', 'Unknown programme');
}
