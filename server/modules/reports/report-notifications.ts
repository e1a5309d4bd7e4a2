/**
 * What the report workflow tells whom, through the one `notify` (modules/notifications): a part ready → the
 * coordinators; submitted → the secretariat; sent back (with the reason and the open comments), accepted,
 * reopened → the coordinators and the focal points; a comment → the programme's writers (and the secretariat
 * when the report is in review). Called inside the move's transaction; never tells the person who acted.
 */
import type { ReportAction } from '../../../core/contracts/report.js';
import type { ReportComment } from '../../../core/contracts/report-workflow.js';
import type { ReportType } from '../../../core/contracts/report-template.js';
import { tIn } from '../../../core/i18n/t.js';
import type { DbOrTx } from '../../db/client.js';
import { personOf, type ServiceContext } from '../../context.js';
import { notify } from '../notifications/notify.js';

interface ReportFacts {
  id: string;
  programmeId: string;
  code: string;
  type: ReportType;
  year: number;
}

const facts = (r: ReportFacts, by: string | null) => ({
  programme: r.code,
  reportType: r.type,
  year: r.year,
  by: by ?? '—',
});

/** The reason and the open comments of a send-back, in the language of the person who wrote them. */
export function sendBackBody(
  ctx: ServiceContext,
  reason: string | null,
  open: Pick<ReportComment, 'body' | 'section'>[],
): string | null {
  const say = tIn(ctx.locale);
  const lines = [
    ...(reason ? [say('notifications.body.reason', { reason })] : []),
    ...(open.length ? [say('notifications.body.openComments', { count: open.length })] : []),
    ...open.map((c) => `- ${c.section} : ${say('notifications.body.comment', { body: c.body })}`),
  ];
  return lines.length ? lines.join('\n') : null;
}

const kindOf = {
  submit: 'submitted',
  approve: 'accepted',
  send_back: 'sent_back',
  reopen: 'reopened',
} as const satisfies Record<ReportAction, string>;

export function notifyTransition(
  tx: DbOrTx,
  ctx: ServiceContext,
  report: ReportFacts,
  action: ReportAction,
  by: string | null,
  body: string | null,
) {
  return notify(tx, {
    kind: kindOf[action],
    programmeId: report.programmeId,
    reportId: report.id,
    facts: facts(report, by),
    body,
    link: `/reports/${report.id}`,
    to:
      action === 'submit'
        ? { secretariat: true, roles: ['coordinator'] }
        : { roles: ['coordinator', 'focal_point'] },
    except: personOf(ctx.actor)?.id ?? null,
  });
}

export function notifyPartReady(
  tx: DbOrTx,
  ctx: ServiceContext,
  report: ReportFacts,
  agency: string,
  by: string | null,
) {
  return notify(tx, {
    kind: 'part_ready',
    programmeId: report.programmeId,
    reportId: report.id,
    facts: { ...facts(report, by), agency },
    link: `/reports/${report.id}`,
    to: { roles: ['coordinator'] },
    except: personOf(ctx.actor)?.id ?? null,
  });
}

export function notifyComment(
  tx: DbOrTx,
  ctx: ServiceContext,
  report: ReportFacts & { status: string },
  comment: { section: string; body: string },
  by: string | null,
) {
  return notify(tx, {
    kind: 'comment',
    programmeId: report.programmeId,
    reportId: report.id,
    facts: facts(report, by),
    body: `${comment.section} : ${tIn(ctx.locale)('notifications.body.comment', { body: comment.body })}`,
    link: `/reports/${report.id}`,
    to: { roles: ['coordinator', 'focal_point'], secretariat: report.status === 'submitted' },
    except: personOf(ctx.actor)?.id ?? null,
  });
}
