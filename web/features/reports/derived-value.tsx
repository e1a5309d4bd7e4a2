/** The header's values computed from the programme's data, shown read-only as the report will print them. */
import { Badge, Group, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ReportModel } from '../../../core/contracts/report.js';
import type { DerivedKey } from '../../../core/contracts/report-template.js';
import { localize } from '../../../core/i18n/locale.js';
import { useLocale, useT } from '../../i18n/i18n.js';
import {
  formatCountry,
  formatDate,
  formatMoney,
  formatPeriod,
  formatShare,
} from '../../../core/i18n/format.js';

const unKinds = new Set(['un_agency']);

export function DerivedValue({ derived, model }: { derived: DerivedKey | undefined; model: ReportModel }) {
  const t = useT();
  const locale = useLocale();
  const h = model.header;
  const currency = model.programme.currency;
  const none = (
    <Text span c="dimmed">
      {t('common.none')}
    </Text>
  );
  const date = (value: string | null) => (value ? formatDate(value, locale, 'long') : none);

  const values: Record<DerivedKey, () => ReactNode> = {
    country: () => formatCountry(h.country, locale),
    report_type: () => t(`reports.types.${model.type}`),
    report_year: () => String(model.year),
    project_title: () => localize(model.programme.title, locale),
    gateway_id: () => h.gatewayId ?? none,
    trust_fund: () =>
      [t(`trustFund.${h.trustFund.kind}`), h.trustFund.name].filter(Boolean).join(' — ') || none,
    recipients: () => (
      <Group gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {[...h.recipients]
          .sort((a, b) => Number(b.convening) - Number(a.convening))
          .map((r) => (
            <li key={r.code}>
              <Badge
                variant={r.convening ? 'filled' : 'light'}
                tt="none"
                title={unKinds.has(r.kind) ? t('reports.derived.runo') : t('reports.derived.nuno')}
              >
                {localize(r.acronym, locale)} · {unKinds.has(r.kind) ? 'RUNO' : 'NUNO'}
                {r.convening && ` · ${t('reports.derived.convening')}`}
              </Badge>
            </li>
          ))}
      </Group>
    ),
    first_transfer_date: () => date(h.firstTransferDate),
    end_date: () =>
      t('reports.derived.endWithDuration', {
        date: formatDate(h.endDate, locale, 'long'),
        duration: t('reports.derived.months', { count: h.durationMonths }),
      }),
    last_six_months: () => (model.lastSixMonths ? t('common.yes') : t('common.no')),
    priority_windows: () =>
      h.priorityWindows.length
        ? h.priorityWindows.map((w) => t(`windows.${w}`)).join(t('common.listSeparator'))
        : t('reports.derived.none'),
    budget_by_recipient: () =>
      h.totalBudget === 0 && h.recipients.every((r) => r.budget === null) ? (
        t('reports.derived.notSet')
      ) : (
        <Table
          className="budget-mini"
          withRowBorders={false}
          verticalSpacing={2}
          horizontalSpacing={0}
          maw="24rem"
        >
          <Table.Tbody>
            {h.recipients.map((r) => (
              <Table.Tr key={r.code}>
                <Table.Td pr="md">{localize(r.acronym, locale)}</Table.Td>
                <Table.Td className="num">
                  {r.budget === null ? none : formatMoney(r.budget, currency, locale)}
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr className="total-row">
              <Table.Td pr="md" fw={700}>
                {t('common.total')}
              </Table.Td>
              <Table.Td className="num" fw={700}>
                {formatMoney(h.totalBudget, currency, locale)}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      ),
    gender_budget_allocated: () => {
      if (h.genderBudgetAllocated === null) return none;
      const share = formatShare(h.genderBudgetAllocated, h.totalBudget, locale);
      return (
        <>
          {formatMoney(h.genderBudgetAllocated, currency, locale)}
          {share && (
            <Text span size="sm" c="dimmed">
              {' '}
              ({t('reports.derived.share', { share })})
            </Text>
          )}
        </>
      );
    },
    gender_marker: () =>
      h.genderMarker
        ? [h.genderMarker.code, h.genderMarker.text !== h.genderMarker.code ? h.genderMarker.text : null]
            .filter(Boolean)
            .join(' — ')
        : none,
    risk_marker: () => {
      if (!h.riskMarker) return none;
      const known = ['low', 'medium', 'high'].includes(h.riskMarker.level);
      return known
        ? t(`markers.riskLevels.${h.riskMarker.level as 'low' | 'medium' | 'high'}`)
        : (h.riskMarker.text ?? h.riskMarker.level);
    },
    focus_area: () =>
      h.focusArea
        ? `${h.focusArea.code ? `(${h.focusArea.code}) ` : ''}${localize(h.focusArea.label, locale)}`
        : none,
    period: () => formatPeriod(model.periodStart, model.periodEnd, locale),
  };
  return <>{derived ? values[derived]() : none}</>;
}
