import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportStatus } from '../../../core/contracts/report.js';

const statusColours: Record<ReportStatus, string> = { draft: 'gray', submitted: 'blue', approved: 'teal' };

/** Brouillon (outlined) / Soumis / Approuvé. */
export function StatusBadge({ status }: { status: ReportStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColours[status]} variant={status === 'draft' ? 'outline' : 'light'} tt="none">
      {t(`reports.statuses.${status}`)}
    </Badge>
  );
}
