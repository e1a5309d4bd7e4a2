import { Badge, Group } from '@mantine/core';
import type { OrganisationRef } from '../../core/contracts/programme-api.js';
import { localize } from '../../core/i18n/locale.js';
import { useLocale, useT } from '../i18n/i18n.js';
import { organisationLabel } from '../lib/organisation.js';

/** Recipient organisations by acronym, the convening one first, filled and labelled as such. */
export function RecipientBadges({
  recipients,
}: {
  recipients: readonly { organisation: OrganisationRef; convening: boolean }[];
}) {
  const t = useT();
  const locale = useLocale();
  const ordered = [...recipients].sort((a, b) => Number(b.convening) - Number(a.convening));
  return (
    <Group gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {ordered.map(({ organisation, convening }) => (
        <li key={organisation.id}>
          <Badge
            variant={convening ? 'filled' : 'light'}
            tt="none"
            title={
              convening
                ? `${localize(organisation.name, locale)} — ${t('portfolio.conveningHint')}`
                : localize(organisation.name, locale)
            }
          >
            {organisationLabel(organisation, locale)}
            {convening && ` · ${t('portfolio.convening')}`}
          </Badge>
        </li>
      ))}
    </Group>
  );
}
