/**
 * The parts of the quarterly report's page (quarterly-page.tsx): a written text saved through the reports
 * module, a narrative as the documents print it, the photos, the funding partners named on the cover.
 */
import { Button, Checkbox, Grid, Group, Image, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { QuarterlyPhoto, QuarterlyReport } from '../../../core/contracts/quarterly-report.js';
import { localize } from '../../../core/i18n/locale.js';
import { paragraphs, runsOf } from '../../../core/reports/quarterly-text.js';
import { ApiError } from '../../api/client.js';
import { fieldKeys, useSaveQuarterlyText } from '../../api/field.js';
import { ConflictDialog, useVersionConflict } from '../../components/conflict-dialog.js';
import { useErrorMessage } from '../../components/query-state.js';
import { useLocale, useT } from '../../i18n/i18n.js';

export function Photos({ photos }: { photos: QuarterlyPhoto[] }) {
  const locale = useLocale();
  if (!photos.length) return null;
  return (
    <Grid mt="sm">
      {photos.map((p) => (
        <Grid.Col span={{ base: 6, sm: 4 }} key={p.attachmentId}>
          <Image src={p.url} alt={p.caption ? localize(p.caption, locale) : ''} radius="sm" loading="lazy" />
          <Text size="xs" c="dimmed" mt={2}>
            {[p.caption ? localize(p.caption, locale) : '', p.credit].filter(Boolean).join(' — ')}
          </Text>
        </Grid.Col>
      ))}
    </Grid>
  );
}

/** A written part of the report, saved through the reports module (its history, merge and conflicts). */
export function TextField({
  report,
  path,
  label,
  value,
  rows = 5,
  description,
  placeholder,
  preview = true,
}: {
  report: QuarterlyReport;
  path: string;
  label: string;
  value: string | null;
  rows?: number;
  description?: string;
  placeholder?: string | undefined;
  /** the text as the documents print it (its `**bold**` figures), under the box or alone when not editable */
  preview?: boolean;
}) {
  const t = useT();
  const client = useQueryClient();
  const errorMessage = useErrorMessage();
  const [text, setText] = useState(value ?? '');
  // the report's 409 carries the report now and, per clashing place, both texts
  const stale = useVersionConflict<{
    report: { version: number };
    conflicts: { path: string; mine: unknown; theirs: unknown }[];
  }>();
  const refresh = () =>
    client.invalidateQueries({ queryKey: fieldKeys.quarterly(report.programme.slug, report.quarter) });
  const save = useSaveQuarterlyText(report.programme.slug, report.quarter);
  const send = (over?: number) =>
    save.mutate(
      {
        reportId: report.reportId!,
        version: over ?? report.version!,
        changes: [{ path, value: text.trim() ? text : null }],
      },
      { onError: (error) => void stale.take(error) },
    );
  const clash = stale.conflict?.current.conflicts.find((c) => c.path === path);
  const theirText = typeof clash?.theirs === 'string' ? clash.theirs : '';
  const changed = text !== (value ?? '');
  const editable = !!report.reportId && report.status === 'draft';
  if (!editable && preview)
    return (
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {label}
        </Text>
        {value ? (
          <RichText text={value} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('field.quarterly.notWritten')}
          </Text>
        )}
      </Stack>
    );
  return (
    <Stack gap={4}>
      <Textarea
        label={label}
        description={description}
        placeholder={placeholder}
        autosize
        minRows={rows}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        disabled={!editable}
      />
      {preview && text.includes('**') && (
        <Paper withBorder p="xs" bg="var(--mantine-color-gray-0)" data-testid="narrative-preview">
          <Text size="xs" c="dimmed" mb={4}>
            {t('field.quarterly.preview')}
          </Text>
          <RichText text={text} />
        </Paper>
      )}
      {report.reportId && report.status === 'draft' && (
        <Group gap="xs">
          <Button
            size="xs"
            variant="light"
            disabled={!changed}
            loading={save.isPending}
            onClick={() => send()}
          >
            {t('field.form.save')}
          </Button>
          {save.error && !stale.conflict && (
            <Text size="xs" c="red">
              {save.error instanceof ApiError && save.error.code === 'version_conflict'
                ? t('field.form.conflict')
                : errorMessage(save.error)}
            </Text>
          )}
        </Group>
      )}
      {stale.conflict && (
        <ConflictDialog
          opened
          mine={{ text: text.trim() ? text : null }}
          theirs={{ text: theirText || null }}
          fields={[{ key: 'text', label }]}
          busy={save.isPending}
          onReload={() => {
            setText(theirText);
            stale.clear();
            save.reset();
            void refresh();
          }}
          onKeepMine={() => {
            const version = stale.conflict!.current.report.version;
            stale.clear();
            send(version);
          }}
        />
      )}
    </Stack>
  );
}

/** A narrative as the documents print it: its paragraphs, `**figures**` in bold — React elements, no HTML. */
function RichText({ text }: { text: string }) {
  return (
    <Stack gap={6}>
      {paragraphs(text).map((p, i) => (
        <Text key={i} size="sm">
          {runsOf(p).map((run, j) => (run.bold ? <strong key={j}>{run.text}</strong> : run.text))}
        </Text>
      ))}
    </Stack>
  );
}

/** Which of the programme's donors the report names on its cover ("Partenaires financiers"): none ticked, all. */
export function FundingPartners({
  report,
  donors,
}: {
  report: QuarterlyReport;
  donors: NonNullable<QuarterlyReport['programmeDonors']>;
}) {
  const t = useT();
  const locale = useLocale();
  const save = useSaveQuarterlyText(report.programme.slug, report.quarter);
  const errorMessage = useErrorMessage();
  const named = (report.fields.funding_partners ?? '')
    .split(/[,;\n]/)
    .map((c) => c.trim().toUpperCase())
    .filter(Boolean);
  const editable = !!report.reportId && report.status === 'draft';
  return (
    <Checkbox.Group
      label={t('field.quarterly.fundingPartners')}
      description={t('field.quarterly.fundingPartnersHint')}
      value={named}
      onChange={(codes) =>
        save.mutate({
          reportId: report.reportId!,
          version: report.version!,
          // in the programme's order
          changes: [
            {
              path: 'fields.funding_partners',
              value:
                donors
                  .filter((d) => codes.includes(d.code))
                  .map((d) => d.code)
                  .join(', ') || null,
            },
          ],
        })
      }
    >
      <Group gap="md" mt={4}>
        {donors.map((d) => (
          <Checkbox
            key={d.code}
            value={d.code}
            label={localize(d.name, locale)}
            disabled={!editable || save.isPending}
          />
        ))}
      </Group>
      {save.error && (
        <Text size="xs" c="red">
          {errorMessage(save.error)}
        </Text>
      )}
    </Checkbox.Group>
  );
}
