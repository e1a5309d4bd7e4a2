import { Badge, Table, Text, Title } from '@mantine/core';
import type { ProgrammeDetail } from '../../../core/contracts/programme-api.js';
import { localize } from '../../../core/i18n/locale.js';
import { useLocale, useT } from '../../i18n/i18n.js';

type Risk = ProgrammeDetail['risks'][number];
const levelColours = { low: 'teal', medium: 'yellow', high: 'red' } as const;
const impactColours = { limited: 'teal', medium: 'yellow', strong: 'red' } as const;

/** The risk register, in the document's order. */
export function RisksTable({ risks }: { risks: Risk[] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="risks-title" id="risks">
      <Title order={2} id="risks-title" fz="h3" mb="sm">
        {t('risks.title')}
      </Title>
      <Table.ScrollContainer minWidth={900}>
        <Table striped verticalSpacing="xs" data-testid="risks-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={48}>
                {t('risks.number')}
              </Table.Th>
              <Table.Th scope="col">{t('risks.description')}</Table.Th>
              <Table.Th scope="col">{t('risks.category')}</Table.Th>
              <Table.Th scope="col" miw={110}>
                {t('risks.probability')}
              </Table.Th>
              <Table.Th scope="col" miw={90}>
                {t('risks.impact')}
              </Table.Th>
              <Table.Th scope="col">{t('risks.mitigation')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...risks]
              .sort((a, b) => a.number - b.number)
              .map((risk) => (
                <Table.Tr key={risk.id} style={{ verticalAlign: 'top' }}>
                  <Table.Td>{risk.number}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{localize(risk.description, locale)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`risks.categories.${risk.category}`)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={levelColours[risk.probability]} tt="none">
                      {t(`risks.levels.${risk.probability}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={impactColours[risk.impact]} tt="none">
                      {t(`risks.impacts.${risk.impact}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{localize(risk.mitigation, locale)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}
