import { Anchor, Badge, Group, Paper, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useDue } from '../../api/due.js';
import { useSession } from '../../api/session.js';
import { summarize } from './due-state.js';
import { useT } from '../../i18n/i18n.js';

/** On the portfolio, for someone who follows programmes: how many reports are late, how many due soon. */
export function DueSummary() {
  const t = useT();
  const session = useSession();
  const signedIn = Boolean(session.data?.user);
  const due = useDue(signedIn);
  if (!signedIn || !due.data || due.data.items.length === 0) return null;
  const { late, soon } = summarize(due.data.items);
  return (
    <Paper withBorder p="sm" radius="md" data-testid="due-summary">
      <Group gap="sm" wrap="wrap">
        <Text fw={700} size="sm">
          {t('admin.due.summaryTitle')}
        </Text>
        {late.length > 0 ? (
          <Badge color="red" variant="filled" tt="none">
            {t('admin.due.late', { count: late.length })}
          </Badge>
        ) : (
          <Text size="sm" c="dimmed">
            {t('admin.due.allGood')}
          </Text>
        )}
        {soon.length > 0 && (
          <Badge color="orange" variant="light" tt="none">
            {t('admin.due.soon', { count: soon.length })}
          </Badge>
        )}
        <Anchor component={Link} to="/due" size="sm" ml="auto">
          {t('admin.due.seeAll')}
        </Anchor>
      </Group>
    </Paper>
  );
}
