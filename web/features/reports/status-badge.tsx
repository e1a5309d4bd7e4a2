import { Badge } from '@mantine/core';
import type { ReportStatus } from '../../../core/contracts/report.js';
import { useT } from '../../i18n/i18n.js';

const statusColours: Record<ReportStatus, string> = { draft: 'gray', submitted: 'blue', approved: 'teal' };

/** Brouillon (outlined) / Soumis / Approuvé. */
export function StatusBadge({ status }: { status: ReportStatus }) {
  const t = useT();
  return (
    <Badge color={statusColours[status]} variant={status === 'draft' ? 'outline' : 'light'} tt="none">
      {t(`reports.statuses.${status}`)}
    </Badge>
  );
}
