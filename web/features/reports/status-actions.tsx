/**
 * The report's workflow: draft → "Soumettre" by the coordinator (refused by the server while checks find
 * errors: they are listed, each a link to its place; agencies whose part is not ready are named and confirmed
 * first) → the secretariat "Accepter" (confirmed: the figures freeze, the report locks) or "Renvoyer avec
 * commentaires" (back to draft, with the open comments or a reason) → "Rouvrir" an accepted report (with a
 * reason). Only the buttons the reader may use are shown. Every waiting edit is saved first, and the move
 * names the version it was made from.
 */
import {
  Alert,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  Stack,
  Text,
  Textarea,
  UnstyledButton,
} from '@mantine/core';
import { memo, useState } from 'react';
import type { ReportAction, ReportCheck, ReportDetail } from '../../../core/contracts/report.js';
import type { ReportTemplate } from '../../../core/contracts/report-template.js';
import type { ErrorIssue } from '../../../core/errors/error-codes.js';
import { localize } from '../../../core/i18n/locale.js';
import { reportTransitionReasonMax } from '../../../core/contracts/limits.js';
import { ApiError } from '../../api/client.js';
import { conflictOf, useTransitionReport } from '../../api/reports.js';
import { useErrorMessage } from '../../components/query-state.js';
import { useLocale, useT } from '../../i18n/i18n.js';
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
  const t = useT();
  const locale = useLocale();
  const transition = useTransitionReport();
  const errorMessage = useErrorMessage();
  const placeLabel = usePlaceLabel(template);
  const [working, setWorking] = useState<ReportAction | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [dialog, setDialog] = useState<'approve' | 'reopen' | 'submit' | 'send_back' | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const notReady = detail.parts.filter((p) => !p.ready);
  const openComments = detail.comments.filter((c) => !c.resolved).length;
  const periodClosed = detail.locks.some((l) => l.kind === 'closed_period');

  const run = async (action: ReportAction, why?: string, withoutParts?: string[]) => {
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
      const next = await transition.mutateAsync({
        id: detail.id,
        action,
        input: { version, ...(why ? { reason: why } : {}), ...(withoutParts ? { withoutParts } : {}) },
      });
      saver.adopt(next);
      setDialog(null);
      setReason('');
      setConfirmed(false);
    } catch (error) {
      const conflict = conflictOf(error);
      if (conflict) {
        saver.adopt(conflict.report, { force: true });
        setFeedback({ kind: 'message', text: t('reports.status.changed') });
        setDialog(null);
      } else if (error instanceof ApiError && error.code === 'validation_failed' && action === 'submit') {
        setFeedback({ kind: 'issues', issues: error.issues });
        setDialog(null);
      } else if (error instanceof ApiError && error.issues.length > 0) {
        // a lock or a missing reason: the server's words name it
        setFeedback({
          kind: 'message',
          text: `${t('reports.status.failed')} ${error.issues.map((i) => i.message).join(' ')}`,
        });
        setDialog(null);
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
  const can = detail.can;
  return (
    <Stack gap="sm">
      <Group gap="xs">
        {detail.status === 'draft' && can.submit && !periodClosed && (
          <Button
            // errors first (the server lists them); then the parts not ready, confirmed by name
            onClick={() =>
              notReady.length && !checks.some((c) => c.severity === 'error')
                ? setDialog('submit')
                : void run('submit')
            }
            loading={working === 'submit'}
            disabled={busy}
          >
            {t('reports.status.submit')}
          </Button>
        )}
        {detail.status === 'submitted' && can.review && !periodClosed && (
          <>
            <Button color="teal" onClick={() => setDialog('approve')} disabled={busy}>
              {t('reports.status.approve')}
            </Button>
            <Button color="orange" variant="light" onClick={() => setDialog('send_back')} disabled={busy}>
              {t('reports.workflow.sendBack')}
            </Button>
          </>
        )}
        {detail.status === 'approved' && can.review && !periodClosed && (
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
        opened={dialog === 'submit'}
        onClose={() => setDialog(null)}
        title={<Text fw={700}>{t('reports.workflow.submitTitle')}</Text>}
      >
        <Stack gap="md">
          <Text size="sm">{t('reports.workflow.submitText')}</Text>
          <List size="sm" data-testid="parts-not-ready">
            {notReady.map((p) => (
              <List.Item key={p.agency.code}>
                {localize(p.agency.acronym, locale)} — {localize(p.agency.name, locale)}
              </List.Item>
            ))}
          </List>
          <Checkbox
            label={t('reports.workflow.submitConfirm')}
            checked={confirmed}
            onChange={(e) => setConfirmed(e.currentTarget.checked)}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setDialog(null)} disabled={busy}>
              {t('reports.status.cancel')}
            </Button>
            <Button
              disabled={!confirmed}
              loading={working === 'submit'}
              onClick={() =>
                void run(
                  'submit',
                  undefined,
                  notReady.map((p) => p.agency.code),
                )
              }
            >
              {t('reports.workflow.submitAnyway')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal
        opened={dialog === 'send_back'}
        onClose={() => setDialog(null)}
        title={<Text fw={700}>{t('reports.workflow.sendBackTitle')}</Text>}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!openComments && !reason.trim()) {
              setReasonError(true);
              return;
            }
            void run('send_back', reason.trim() || undefined);
          }}
        >
          <Stack gap="md">
            <Text size="sm">
              {openComments
                ? t('reports.workflow.sendBackComments', { count: openComments })
                : t('reports.workflow.sendBackNoComment')}
            </Text>
            <Textarea
              label={t('reports.workflow.sendBackReason')}
              value={reason}
              withAsterisk={!openComments}
              autosize
              minRows={3}
              maxLength={reportTransitionReasonMax}
              data-autofocus
              error={reasonError && !reason.trim() ? t('reports.workflow.sendBackReasonRequired') : undefined}
              onChange={(event) => {
                setReason(event.currentTarget.value);
                setReasonError(false);
              }}
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setDialog(null)} disabled={busy}>
                {t('reports.status.cancel')}
              </Button>
              <Button type="submit" color="orange" loading={working === 'send_back'}>
                {t('reports.workflow.sendBack')}
              </Button>
            </Group>
          </Stack>
        </form>
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
              maxLength={reportTransitionReasonMax}
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
