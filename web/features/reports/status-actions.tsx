/**
 * The report's workflow: draft → "Soumettre" (refused by the server while checks find errors: they are
 * listed, each a link to its place) → "Approuver" (confirmed: the figures freeze) → "Rouvrir" (with a reason).
 * Every waiting edit is saved first, and the move names the version it was made from.
 */
import { Alert, Button, Group, Modal, Stack, Text, Textarea, UnstyledButton } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportCheck, ReportDetail } from '../../../core/contracts/report.js';
import type { ReportTemplate } from '../../../core/contracts/report-template.js';
import type { ErrorIssue } from '../../../core/errors/error-codes.js';
import { localize } from '../../../core/i18n/locale.js';
import { ApiError } from '../../api/client.js';
import { conflictOf, reportKeys, transitionReport, type ReportAction } from '../../api/reports.js';
import { useErrorMessage } from '../../components/query-state.js';
import { useLocale } from '../../i18n/i18n.js';
import { usePlaceLabel } from './conflict-dialog.js';
import { goToPlace } from './report-places.js';
import type { ReportSaver } from './saver.js';

type Feedback = { kind: 'issues'; issues: ErrorIssue[] } | { kind: 'message'; text: string };

export const StatusActions = memo(function StatusActions({
  detail,
  saver,
  template,
  checks,
}: {
  detail: ReportDetail;
  saver: ReportSaver;
  template: ReportTemplate;
  checks: ReportCheck[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const placeLabel = usePlaceLabel(template);
  const [working, setWorking] = useState<ReportAction | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [dialog, setDialog] = useState<'approve' | 'reopen' | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState(false);

  const run = async (action: ReportAction, why?: string) => {
    setWorking(action);
    setFeedback(null);
    try {
      try {
        await saver.settle();
      } catch {
        setFeedback({ kind: 'message', text: t('reports.status.unsaved') });
        return;
      }
      const version = saver.getSnapshot().detail.version;
      const next = await transitionReport(detail.id, action, why ? { version, reason: why } : { version });
      saver.adopt(next);
      queryClient.setQueryData(reportKeys.detail(next.id), next);
      void queryClient.invalidateQueries({ queryKey: reportKeys.list(next.programme.slug) });
      setDialog(null);
      setReason('');
    } catch (error) {
      const conflict = conflictOf(error);
      if (conflict) {
        saver.adopt(conflict.report, { force: true });
        setFeedback({ kind: 'message', text: t('reports.status.changed') });
        setDialog(null);
      } else if (error instanceof ApiError && error.code === 'validation_failed' && action === 'submit') {
        setFeedback({ kind: 'issues', issues: error.issues });
      } else {
        setFeedback({ kind: 'message', text: `${t('reports.status.failed')} ${errorMessage(error)}` });
        setDialog(null);
      }
    } finally {
      setWorking(null);
    }
  };

  /** the server's sentence is in the request's language; the live check says it in the reader's */
  const issueText = (issue: ErrorIssue) => {
    const check = checks.find((c) => c.path === issue.path && c.severity === 'error');
    return check ? localize(check.message, locale) : issue.message;
  };

  const busy = working !== null;
  return (
    <Stack gap="sm">
      <Group gap="xs">
        {detail.status === 'draft' && (
          <Button onClick={() => void run('submit')} loading={working === 'submit'} disabled={busy}>
            {t('reports.status.submit')}
          </Button>
        )}
        {detail.status === 'submitted' && (
          <Button color="teal" onClick={() => setDialog('approve')} disabled={busy}>
            {t('reports.status.approve')}
          </Button>
        )}
        {detail.status !== 'draft' && (
          <Button variant="default" onClick={() => setDialog('reopen')} disabled={busy}>
            {t('reports.status.reopen')}
          </Button>
        )}
      </Group>

      {feedback?.kind === 'issues' && (
        <Alert
          color="red"
          variant="light"
          role="alert"
          withCloseButton
          onClose={() => setFeedback(null)}
          title={t('reports.status.submitErrors', { count: feedback.issues.length })}
          data-testid="submit-errors"
        >
          <Stack gap={4} component="ul" m={0} pl="md">
            {feedback.issues.map((issue, i) => (
              <li key={`${issue.path}:${i}`}>
                <UnstyledButton className="check-link" onClick={() => goToPlace(issue.path)}>
                  <Text size="xs" c="dimmed">
                    {placeLabel(issue.path)}
                  </Text>
                  <Text size="sm">{issueText(issue)}</Text>
                </UnstyledButton>
              </li>
            ))}
          </Stack>
        </Alert>
      )}
      {feedback?.kind === 'message' && (
        <Alert color="orange" variant="light" role="alert" withCloseButton onClose={() => setFeedback(null)}>
          {feedback.text}
        </Alert>
      )}

      <Modal
        opened={dialog === 'approve'}
        onClose={() => setDialog(null)}
        title={<Text fw={700}>{t('reports.status.approveTitle')}</Text>}
      >
        <Stack gap="md">
          <Text size="sm">{t('reports.status.approveText')}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setDialog(null)} disabled={busy}>
              {t('reports.status.cancel')}
            </Button>
            <Button color="teal" onClick={() => void run('approve')} loading={working === 'approve'}>
              {t('reports.status.approve')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal
        opened={dialog === 'reopen'}
        onClose={() => setDialog(null)}
        title={<Text fw={700}>{t('reports.status.reopenTitle')}</Text>}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!reason.trim()) {
              setReasonError(true);
              return;
            }
            void run('reopen', reason.trim());
          }}
        >
          <Stack gap="md">
            <Text size="sm">{t('reports.status.reopenText')}</Text>
            <Textarea
              label={t('reports.status.reason')}
              value={reason}
              withAsterisk
              autosize
              minRows={3}
              maxLength={2000}
              data-autofocus
              error={reasonError && !reason.trim() ? t('reports.status.reasonRequired') : undefined}
              onChange={(event) => {
                setReason(event.currentTarget.value);
                setReasonError(false);
              }}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setDialog(null)} disabled={busy}>
                {t('reports.status.cancel')}
              </Button>
              <Button type="submit" loading={working === 'reopen'}>
                {t('reports.status.reopen')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
});
