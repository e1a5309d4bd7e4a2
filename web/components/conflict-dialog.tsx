/**
 * A save crossed someone else's: the server answered 409 `version_conflict` with the object as it is now.
 * The dialog shows, field by field, their saved version beside the writer's, and offers the two ways out:
 * reload theirs (the form takes the saved values), or keep mine and save again over the current version.
 * Shared by every form that writes a versioned object; the report editor has its own place-by-place merge.
 */
import { Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import { versionConflictOf, type VersionConflict } from '../api/conflict.js';
import { formatValue } from '../lib/changes.js';
import { useLocale, useT } from '../i18n/i18n.js';

/** Holds the conflict a form met, if any. `take(error)` is true when the error was one (and is now shown). */
export function useVersionConflict<T = Record<string, unknown>>() {
  const [conflict, setConflict] = useState<VersionConflict<T> | null>(null);
  const take = useCallback((error: unknown) => {
    const found = versionConflictOf<T>(error);
    if (found) setConflict(found);
    return found !== null;
  }, []);
  const clear = useCallback(() => setConflict(null), []);
  return { conflict, take, clear };
}

export interface ConflictField {
  key: string;
  label: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields that differ between the two versions, in the order given (then any other key, by its name). */
export function differingFields(
  mine: Record<string, unknown>,
  theirs: Record<string, unknown>,
  fields: ConflictField[] = [],
): ConflictField[] {
  const known = new Set(fields.map((f) => f.key));
  const others = Object.keys(mine)
    .filter((k) => !known.has(k) && k !== 'version')
    .map((k) => ({ key: k, label: k }));
  return [...fields, ...others].filter((f) => f.key in mine && !same(mine[f.key], theirs[f.key]));
}

export function ConflictDialog({
  opened,
  mine,
  theirs,
  fields,
  format,
  busy = false,
  onReload,
  onKeepMine,
}: {
  opened: boolean;
  /** what the writer tried to save, as the form sends it */
  mine: Record<string, unknown>;
  /** the saved version, in the same shape */
  theirs: Record<string, unknown>;
  /** the form's fields with their labels, in the form's order */
  fields?: ConflictField[];
  /** a field's value in words, when the default (text, numbers, dates, yes/no, lists) is not enough */
  format?: (key: string, value: unknown) => string | undefined;
  busy?: boolean;
  onReload: () => void;
  onKeepMine: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const words = { empty: '—', yes: t('common.yes'), no: t('common.no') };
  const show = (key: string, value: unknown) => format?.(key, value) ?? formatValue(value, locale, words);
  const differing = differingFields(mine, theirs, fields);
  return (
    <Modal
      opened={opened}
      onClose={() => {}}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      size="xl"
      title={<Text fw={700}>{t('admin.conflict.title')}</Text>}
    >
      <Stack gap="md" data-testid="version-conflict">
        <Text size="sm">{t('admin.conflict.intro')}</Text>
        {differing.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('admin.conflict.same')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table withTableBorder verticalSpacing="xs" layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="24%">{t('admin.conflict.field')}</Table.Th>
                  <Table.Th>{t('admin.conflict.theirs')}</Table.Th>
                  <Table.Th>{t('admin.conflict.mine')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {differing.map((f) => (
                  <Table.Tr key={f.key} data-testid={`conflict-field-${f.key}`}>
                    <Table.Td fw={600}>{f.label}</Table.Td>
                    <Table.Td data-side="theirs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {show(f.key, theirs[f.key])}
                    </Table.Td>
                    <Table.Td data-side="mine" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {show(f.key, mine[f.key])}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <Text size="xs" c="dimmed">
          {t('admin.conflict.keepMineHelp')}
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onReload} disabled={busy}>
            {t('admin.conflict.reload')}
          </Button>
          <Button onClick={onKeepMine} loading={busy}>
            {t('admin.conflict.keepMine')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
