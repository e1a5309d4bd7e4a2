import { Anchor, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ProgrammeDetail } from '../../../core/contracts/programme-api.js';
import { localize } from '../../../core/i18n/locale.js';
import { GenderMarkerBadge, RiskMarkerBadge } from '../../components/markers.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import {
  formatCountry,
  formatDate,
  formatList,
  formatMoney,
  formatPercent,
  formatShare,
} from '../../../core/i18n/format.js';
import { organisationLabel } from '../../lib/organisation.js';

function Fact({ label, children, wide = false }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'facts-wide' : undefined}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The PBF header's facts, as the documents give them; a fact the programme does not have is left out. */
export function ProgrammeFacts({ programme: p }: { programme: ProgrammeDetail }) {
  const t = useT();
  const locale = useLocale();
  const money = (amount: number) => formatMoney(amount, p.currency, locale);
  const date = (value: string) => formatDate(value, locale);

  return (
    <section aria-labelledby="facts-title" id="facts">
      <Title order={2} id="facts-title" fz="h3" mb="sm">
        {t('programme.facts')}
      </Title>
      <dl className="facts">
        {p.gatewayId && <Fact label={t('programme.gatewayId')}>{p.gatewayId}</Fact>}
        {p.fundCode && <Fact label={t('programme.fundCode')}>{p.fundCode}</Fact>}
        <Fact label={t('programme.kind')}>{t(`kinds.${p.kind}`)}</Fact>
        <Fact label={t('programme.country')}>{formatCountry(p.country, locale)}</Fact>
        <Fact label={t('programme.trustFund')}>
          {t(`trustFund.${p.trustFund.kind}`)}
          {p.trustFund.name && ` — ${p.trustFund.name}`}
        </Fact>
        {p.startDate && <Fact label={t('programme.startDate')}>{date(p.startDate)}</Fact>}
        {p.firstTransferDate && (
          <Fact label={t('programme.firstTransferDate')}>{date(p.firstTransferDate)}</Fact>
        )}
        <Fact label={t('programme.endDate')}>{date(p.endDate)}</Fact>
        {p.revisedEndDate && <Fact label={t('programme.revisedEndDate')}>{date(p.revisedEndDate)}</Fact>}
        <Fact label={t('programme.duration')}>{t('programme.months', { count: p.durationMonths })}</Fact>
        <Fact label={t('programme.lastSixMonths')}>
          <Badge variant="light" color={p.inLastSixMonths ? 'orange' : 'gray'} tt="none">
            {p.inLastSixMonths ? t('common.yes') : t('common.no')}
          </Badge>
        </Fact>
        <Fact label={t('programme.priorityWindows')}>
          {p.priorityWindows.length === 0 ? (
            t('common.none')
          ) : (
            <Group gap={4}>
              {p.priorityWindows.map((window) => (
                <Badge key={window} variant="light" color="cyan" tt="none">
                  {t(`windows.${window}`)}
                </Badge>
              ))}
            </Group>
          )}
        </Fact>
        <Fact label={t('markers.gender')}>
          {p.genderMarker ? <GenderMarkerBadge code={p.genderMarker} /> : t('common.none')}
          {p.genderMarkerText && (
            <Text size="xs" c="dimmed" mt={2}>
              « {p.genderMarkerText} »
            </Text>
          )}
        </Fact>
        <Fact label={t('markers.risk')}>
          {p.riskMarker ? <RiskMarkerBadge level={p.riskMarker} /> : t('common.none')}
          {p.riskMarkerText && (
            <Text size="xs" c="dimmed" mt={2}>
              « {p.riskMarkerText} »
            </Text>
          )}
        </Fact>
        {p.focusArea && (
          <Fact label={t('programme.focusArea')}>
            {p.focusArea.code && `(${p.focusArea.code}) `}
            {localize(p.focusArea.label, locale)}
          </Fact>
        )}
        {p.genderBudgetAllocated !== null && (
          <Fact label={t('programme.genderBudget')}>
            {money(p.genderBudgetAllocated)}
            {p.totalBudget > 0 && (
              <Text size="xs" c="dimmed">
                {t('programme.genderBudgetShare', {
                  share: formatShare(p.genderBudgetAllocated, p.totalBudget, locale),
                })}
              </Text>
            )}
          </Fact>
        )}
        {p.financialSnapshots.length > 0 && (
          <Fact label={t('programme.implementation')}>
            <Stack gap={2}>
              {p.financialSnapshots.map((snapshot) => (
                <div key={snapshot.asOf}>
                  <Text size="sm" span fw={600}>
                    {snapshot.implementationRate === null
                      ? t('common.none')
                      : formatPercent(snapshot.implementationRate, locale)}
                  </Text>{' '}
                  <Text size="sm" span c="dimmed">
                    {t('programme.asOf', { date: date(snapshot.asOf) })}
                  </Text>
                  {(snapshot.genderBudgetSpent !== null || snapshot.source) && (
                    <Text size="xs" c="dimmed">
                      {[
                        snapshot.genderBudgetSpent !== null &&
                          t('programme.genderBudgetSpent', { amount: money(snapshot.genderBudgetSpent) }),
                        snapshot.source,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Text>
                  )}
                </div>
              ))}
            </Stack>
          </Fact>
        )}
        {p.places.length > 0 && (
          <Fact label={t('programme.places')} wide>
            {formatList(p.places, locale)}
          </Fact>
        )}
        {p.implementingPartners.length > 0 && (
          <Fact label={t('programme.implementingPartners')} wide>
            <Stack gap={2} component="ul" m={0} pl="md">
              {p.implementingPartners.map(({ organisation, note }) => (
                <Text component="li" size="sm" key={organisation.id}>
                  {localize(organisation.name, locale)}
                  {organisation.acronym && ` (${organisationLabel(organisation, locale)})`}
                  {note && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      — {note}
                    </Text>
                  )}
                </Text>
              ))}
            </Stack>
          </Fact>
        )}
        {p.cofundingProjects.length > 0 && (
          <Fact label={t('programme.cofundingProjects')} wide>
            <Stack gap={2} component="ul" m={0} pl="md">
              {p.cofundingProjects.map((project) => (
                <Text component="li" size="sm" key={project.slug}>
                  <Anchor component={Link} to={`/programmes/${project.slug}`}>
                    {project.code}
                  </Anchor>{' '}
                  — {localize(project.title, locale)}
                  {project.note && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      ({project.note})
                    </Text>
                  )}
                </Text>
              ))}
            </Stack>
          </Fact>
        )}
        {p.cofunds.length > 0 && (
          <Fact label={t('programme.cofunds')} wide>
            <Stack gap={2} component="ul" m={0} pl="md">
              {p.cofunds.map((programme) => (
                <Text component="li" size="sm" key={programme.slug}>
                  <Anchor component={Link} to={`/programmes/${programme.slug}`}>
                    {programme.code}
                  </Anchor>{' '}
                  — {localize(programme.title, locale)}
                </Text>
              ))}
            </Stack>
          </Fact>
        )}
      </dl>
    </section>
  );
}

/**
 * Donors with their amounts, and — when the document states what the programme needs — required vs allocated
 * (the donors' total, as the PROSMED cover page counts it) and what is still to be mobilised.
 */
export function DonorsSection({ programme: p }: { programme: ProgrammeDetail }) {
  const t = useT();
  const locale = useLocale();
  const money = (amount: number) => formatMoney(amount, p.currency, locale);
  if (p.donors.length === 0 && p.resourcesRequired === null) return null;
  const allocated = p.donors.reduce((sum, donor) => sum + (donor.amount ?? 0), 0);
  // columns no donor fills are left out
  const withOriginal = p.donors.some((donor) => donor.originalAmount !== null && donor.originalCurrency);
  const withNote = p.donors.some((donor) => donor.note);

  return (
    <section aria-labelledby="donors-title" id="donors">
      <Title order={2} id="donors-title" fz="h3" mb="sm">
        {t('programme.donors')}
      </Title>
      {p.resourcesRequired !== null && (
        <dl className="facts" style={{ marginBottom: 'var(--mantine-spacing-md)' }} data-testid="resources">
          <Fact label={t('programme.resourcesRequired')}>
            <Text fw={600} span className="num">
              {money(p.resourcesRequired)}
            </Text>
          </Fact>
          <Fact label={t('programme.resourcesAllocated')}>
            <Text fw={600} span className="num">
              {money(allocated)}
            </Text>{' '}
            <Text size="xs" c="dimmed" span>
              ({formatShare(allocated, p.resourcesRequired, locale)})
            </Text>
          </Fact>
          <Fact label={t('programme.resourcesGap')}>
            <Text fw={600} span c={p.resourcesRequired > allocated ? 'red.8' : undefined} className="num">
              {money(Math.max(0, p.resourcesRequired - allocated))}
            </Text>
          </Fact>
        </dl>
      )}
      {p.donors.length > 0 && (
        <Table.ScrollContainer minWidth={withNote ? 560 : 320}>
          <Table striped verticalSpacing={6} maw={withNote ? undefined : 640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('programme.donor')}</Table.Th>
                <Table.Th scope="col" className="num">
                  {t('programme.amount')}
                </Table.Th>
                {withOriginal && (
                  <Table.Th scope="col" className="num">
                    {t('programme.originalAmount')}
                  </Table.Th>
                )}
                {withNote && <Table.Th scope="col">{t('programme.note')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.donors.map((donor, index) => (
                // a donor can give several times (PBF to PNUD and to ONU Femmes): the index keeps keys unique
                <Table.Tr key={`${donor.organisation.id}-${index}`}>
                  <Table.Th scope="row" fw={400}>
                    {organisationLabel(donor.organisation, locale)}
                  </Table.Th>
                  <Table.Td className="num">
                    {donor.amount === null ? t('common.none') : money(donor.amount)}
                  </Table.Td>
                  {withOriginal && (
                    <Table.Td className="num">
                      {donor.originalAmount !== null && donor.originalCurrency
                        ? formatMoney(donor.originalAmount, donor.originalCurrency, locale)
                        : t('common.none')}
                    </Table.Td>
                  )}
                  {withNote && (
                    <Table.Td>
                      <Text size="sm">{donor.note ?? ''}</Text>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
