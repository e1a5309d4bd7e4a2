import { Badge, VisuallyHidden } from '@mantine/core';
import type { ProgrammeSummary } from '../../core/contracts/programme-api.js';
import { useT } from '../i18n/i18n.js';

type GenderMarker = NonNullable<ProgrammeSummary['genderMarker']>;
type RiskLevel = NonNullable<ProgrammeSummary['riskMarker']>;

const riskColours: Record<RiskLevel, string> = { low: 'teal', medium: 'yellow', high: 'red' };

/** `GM2`; its meaning on hover and for screen readers. */
export function GenderMarkerBadge({ code }: { code: GenderMarker }) {
  const t = useT();
  const meaning = t(`markers.genderCodes.${code}`);
  return (
    <Badge variant="light" color="violet" tt="none" title={meaning}>
      {t('markers.genderBadge', { code })}
      <VisuallyHidden> — {meaning}</VisuallyHidden>
    </Badge>
  );
}

export function RiskMarkerBadge({ level }: { level: RiskLevel }) {
  const t = useT();
  return (
    <Badge variant="light" color={riskColours[level]} tt="none">
      {t(`markers.riskLevels.${level}`)}
    </Badge>
  );
}
