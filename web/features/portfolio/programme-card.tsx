import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { OrganisationRef, ProgrammeSummary } from '../../../core/contracts/programme-api.js';
import { localize } from '../../../core/i18n/locale.js';
import { programmeQuery } from '../../api/programmes.js';
import { GenderMarkerBadge, RiskMarkerBadge } from '../../components/markers.js';
import { ProgrammePeriod } from '../../components/programme-period.js';
import { RecipientBadges } from '../../components/recipient-badges.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import { formatMoney } from '../../../core/i18n/format.js';
import { loadProgrammePage } from '../programme/load.js';

/**
 * One programme of the portfolio: what a secretariat compares at a glance, and the way into it. `organisations`
 * are the portfolio's (`Portfolio.organisations`, by code): the card's recipients name theirs by code.
 */
export function ProgrammeCard({
  programme,
  organisations,
}: {
  programme: ProgrammeSummary;
  organisations: ReadonlyMap<string, OrganisationRef>;
}) {
  const t = useT();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const href = `/programmes/${programme.slug}`;
  // The budget of record (budget lines, else the stated amounts): the figure of every other page.
  const { budget } = programme;
  const recipients = programme.recipients.flatMap(({ organisation, convening }) => {
    const found = organisations.get(organisation);
    return found ? [{ organisation: found, convening }] : [];
  });
  // Start fetching the page and its data while the pointer is on its way: on a slow link it saves seconds.
  const warm = () => {
    void loadProgrammePage();
    void queryClient.prefetchQuery(programmeQuery(programme.slug));
  };

  return (
    <Card withBorder radius="md" padding="lg" component="article" data-testid={`programme-${programme.slug}`}>
      <Stack gap="md" h="100%">
        <Group gap="xs">
          <Badge variant="outline" tt="none" size="lg" radius="sm">
            {programme.code}
          </Badge>
          <Badge variant="light" color="gray" tt="none">
            {t(`kinds.${programme.kind}`)}
          </Badge>
        </Group>
        <Title order={2} fz="h4" lh={1.3}>
          <Anchor component={Link} to={href} c="inherit" inherit onMouseEnter={warm} onFocus={warm}>
            {localize(programme.title, locale)}
          </Anchor>
        </Title>
        <dl className="facts">
          <div>
            <dt>{t('portfolio.totalBudget')}</dt>
            <dd className="tabular">
              {budget.source === 'none' ? (
                <Text span c="dimmed" inherit>
                  {t('portfolio.noBudget')}
                </Text>
              ) : (
                <>
                  {formatMoney(budget.total, programme.currency, locale)}
                  {budget.source === 'budget_lines' && (
                    <Text span c="dimmed" size="xs" display="block">
                      {t('portfolio.budgetFromLines', { count: budget.lines })}
                    </Text>
                  )}
                </>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('portfolio.period')}</dt>
            <dd>
              <ProgrammePeriod programme={programme} />
            </dd>
          </div>
          <div>
            <dt>{t('portfolio.indicatorsLabel')}</dt>
            <dd>{t('portfolio.indicators', { count: programme.indicatorCount })}</dd>
          </div>
          <div>
            <dt>{t('portfolio.markers')}</dt>
            <dd>
              <Group gap={6}>
                {programme.genderMarker ? (
                  <GenderMarkerBadge code={programme.genderMarker} />
                ) : (
                  <Badge variant="outline" color="gray" tt="none">
                    {t('portfolio.noGenderMarker')}
                  </Badge>
                )}
                {programme.riskMarker ? (
                  <RiskMarkerBadge level={programme.riskMarker} />
                ) : (
                  <Badge variant="outline" color="gray" tt="none">
                    {t('portfolio.noRiskMarker')}
                  </Badge>
                )}
              </Group>
            </dd>
          </div>
          <div className="facts-wide">
            <dt>{t('portfolio.recipients')}</dt>
            <dd>
              <RecipientBadges recipients={recipients} />
            </dd>
          </div>
        </dl>
        <Group justify="flex-end" mt="auto">
          <Button
            component={Link}
            to={href}
            variant="light"
            size="xs"
            onMouseEnter={warm}
            onFocus={warm}
            aria-label={t('portfolio.openNamed', { code: programme.code })}
          >
            {t('portfolio.open')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
