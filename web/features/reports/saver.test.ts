import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FieldValue, ReportDetail, ReportPatch } from '../../../core/contracts/report.js';
import { mergeChanges, parseContentPath } from '../../../core/reports/content-paths.js';
import { ApiError } from '../../api/client.js';
import { applyChanges } from './report-places.js';
import { ReportSaver } from './saver.js';
import { reportFixture } from './test-fixture.js';

/** A fake server holding one report: applies patches from the current version, answers 409 on a clash. */
function fakeServer(start: ReportDetail) {
  let current = start;
  const history = new Map([[start.version, start.model.content]]);
  const sent: ReportPatch[] = [];
  const server = {
    sent,
    get current() {
      return current;
    },
    /** someone else saves */
    otherWriter(path: string, value: FieldValue) {
      const content = applyChanges(current.model.content, [[path, value]]);
      current = { ...current, version: current.version + 1, model: { ...current.model, content } };
      history.set(current.version, content);
    },
    offline: false,
    send: vi.fn(async (patch: ReportPatch): Promise<ReportDetail> => {
      sent.push(patch);
      if (server.offline) throw new ApiError(0, 'network', 'Failed to fetch');
      // the server's own merge (core/reports/content-paths.ts)
      const merged = mergeChanges(
        history.get(patch.version)!,
        current.model.content,
        patch.changes.map((c) => ({ path: parseContentPath(c.path)!, raw: c.path, value: c.value })),
      );
      if (merged.conflicts.length) {
        throw new ApiError(409, 'version_conflict', 'conflict', [], {
          error: {
            code: 'version_conflict',
            message: 'conflict',
            current: { report: current, conflicts: merged.conflicts },
          },
        });
      }
      current = {
        ...current,
        version: current.version + 1,
        model: { ...current.model, content: merged.content },
      };
      history.set(current.version, merged.content);
      return current;
    }),
  };
  return server;
}

describe('ReportSaver', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends the edits once the typing stops, as one patch from the version it holds, and keeps the new one', async () => {
    const server = fakeServer(reportFixture());
    const saver = new ReportSaver(server.current, { send: server.send });
    saver.edit('fields.monitoring', 'R');
    saver.edit('fields.monitoring', 'Réunions');
    saver.edit('outcomes.1.rating', 'off_track');
    expect(saver.getSnapshot().status).toBe('pending');
    expect(saver.getSnapshot().content.fields.monitoring).toBe('Réunions');
    await vi.advanceTimersByTimeAsync(900);
    expect(server.send).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(server.sent).toEqual([
      {
        version: 3,
        changes: [
          { path: 'fields.monitoring', value: 'Réunions' },
          { path: 'outcomes.1.rating', value: 'off_track' },
        ],
      },
    ]);
    expect(saver.getSnapshot().status).toBe('saved');
    expect(saver.getSnapshot().detail.version).toBe(4);

    saver.edit('fields.other', 'x');
    await saver.flush(); // a blur: at once
    expect(server.sent.at(-1)?.version).toBe(4);
  });

  it('shows what others saved elsewhere, and keeps the writer’s newer edits on top', async () => {
    const server = fakeServer(reportFixture());
    const saver = new ReportSaver(server.current, { send: server.send });
    server.otherWriter('fields.upcoming_events', 'Un atelier en janvier.');
    saver.edit('fields.monitoring', 'Réunions mensuelles');
    const saving = saver.flush();
    saver.edit('fields.other', 'tapé pendant l’envoi');
    await saving;
    const { content, status } = saver.getSnapshot();
    expect(content.fields.upcoming_events).toBe('Un atelier en janvier.');
    expect(content.fields.monitoring).toBe('Réunions mensuelles');
    expect(content.fields.other).toBe('tapé pendant l’envoi');
    expect(status).toBe('pending');
  });

  it('keeps the edits while offline and sends them again later', async () => {
    const server = fakeServer(reportFixture());
    const saver = new ReportSaver(server.current, { send: server.send, retryMs: 3000 });
    server.offline = true;
    saver.edit('fields.monitoring', 'Réunions');
    await vi.advanceTimersByTimeAsync(1000);
    expect(saver.getSnapshot().status).toBe('offline');
    expect(saver.hasUnsaved).toBe(true);
    server.offline = false;
    await vi.advanceTimersByTimeAsync(3000);
    expect(saver.getSnapshot().status).toBe('saved');
    expect(server.current.model.content.fields.monitoring).toBe('Réunions');
  });

  it('never overwrites another writer’s version of the same place: the writer chooses, place by place', async () => {
    const server = fakeServer(reportFixture());
    const saver = new ReportSaver(server.current, { send: server.send });
    server.otherWriter('fields.overall_status', 'Leur texte');
    server.otherWriter('fields.upcoming_events', 'Leur agenda');
    saver.edit('fields.overall_status', 'Mon texte');
    saver.edit('fields.upcoming_events', 'Mon agenda');
    saver.edit('fields.monitoring', 'Sans conflit');
    await saver.flush();

    const { status, conflict, content } = saver.getSnapshot();
    expect(status).toBe('conflict');
    expect(conflict?.conflicts).toEqual([
      { path: 'fields.overall_status', mine: 'Mon texte', theirs: 'Leur texte' },
      { path: 'fields.upcoming_events', mine: 'Mon agenda', theirs: 'Leur agenda' },
    ]);
    // nothing saved yet, the writer still sees their text
    expect(server.current.model.content.fields.overall_status).toBe('Leur texte');
    expect(content.fields.overall_status).toBe('Mon texte');
    // and nothing is sent while the choice is pending
    saver.edit('fields.other', 'pendant le choix');
    await vi.advanceTimersByTimeAsync(5000);
    expect(server.sent).toHaveLength(1);

    saver.resolve({ 'fields.overall_status': 'mine', 'fields.upcoming_events': 'theirs' });
    await vi.advanceTimersByTimeAsync(0);
    await saver.flush();
    const last = server.sent.at(-1)!;
    expect(last.version).toBe(5);
    expect(last.changes.map((c) => c.path).sort()).toEqual([
      'fields.monitoring',
      'fields.other',
      'fields.overall_status',
    ]);
    const saved = server.current.model.content.fields;
    expect(saved.overall_status).toBe('Mon texte');
    expect(saved.upcoming_events).toBe('Leur agenda');
    expect(saved.monitoring).toBe('Sans conflit');
    expect(saver.getSnapshot().status).toBe('saved');
    expect(saver.getSnapshot().content.fields.upcoming_events).toBe('Leur agenda');
  });

  it('stops saving once the report was submitted elsewhere, and says so', async () => {
    const saver = new ReportSaver(reportFixture(), {
      send: () => Promise.reject(new ApiError(409, 'conflict', 'The report is submitted')),
    });
    saver.edit('fields.monitoring', 'x');
    await saver.flush();
    expect(saver.getSnapshot().status).toBe('locked');
    await expect(saver.settle()).rejects.toBeInstanceOf(ApiError);
  });
});
