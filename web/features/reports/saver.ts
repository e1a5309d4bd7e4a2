/**
 * Autosave of a report, outside React so it can be tested with a fake clock: edits are kept by path, sent as
 * one PATCH `{ version, changes }` a moment after typing stops (or at once on blur), and the version of each
 * answer is the one the next save starts from. Failures never lose an edit:
 * - no connection (or a server error): the changes wait and are sent again, later and later, or as soon as
 *   the browser is back online;
 * - someone else changed the same places (409 `version_conflict`): nothing is sent until the writer chose,
 *   place by place, their version or the other one; the server refused the whole save, so the rest of it is
 *   sent again with the new version.
 * Changes by others to other places come back merged in every answer, and the page shows them.
 */
import type { FieldValue, ReportContent, ReportDetail, ReportPatch } from '../../../core/contracts/report.js';
import { ApiError } from '../../api/client.js';
import { conflictOf } from '../../api/reports.js';
import { applyChanges } from './report-places.js';

export type SaveStatus =
  /** everything is on the server */
  | 'saved'
  /** edits wait for the typing to stop */
  | 'pending'
  | 'saving'
  /** the server cannot be reached: edits wait */
  | 'offline'
  /** the server failed or refused the changes */
  | 'failed'
  /** someone else changed the same places: the writer must choose */
  | 'conflict'
  /** the report was submitted or approved meanwhile: it cannot be changed any more */
  | 'locked';

export interface SaveConflict {
  /** the report as it is now on the server */
  report: ReportDetail;
  conflicts: { path: string; mine: FieldValue; theirs: FieldValue }[];
}

export interface SaverSnapshot {
  /** the report as the server last answered it */
  detail: ReportDetail;
  /** what the page shows: the server's content with the edits not saved yet */
  content: ReportContent;
  status: SaveStatus;
  conflict: SaveConflict | null;
  error: unknown;
  /** when the last save succeeded (ms since the epoch) */
  savedAt: number | null;
}

export interface SaverOptions {
  send: (patch: ReportPatch) => Promise<ReportDetail>;
  /** every report the server answers with (to keep the page's cache current) */
  onServerReport?: (detail: ReportDetail) => void;
  debounceMs?: number;
  /** first wait before sending again after a failure; it doubles up to `maxRetryMs` */
  retryMs?: number;
  maxRetryMs?: number;
  now?: () => number;
}

export type ConflictChoice = 'mine' | 'theirs';

export class ReportSaver {
  private detail: ReportDetail;
  private content: ReportContent;
  /** edits not sent yet, by path, in the order they were first made */
  private pending = new Map<string, FieldValue>();
  private inflight: Promise<void> | null = null;
  /** a save refused for conflicts: its changes wait for the writer's choices */
  private refused: Map<string, FieldValue> | null = null;
  private conflict: SaveConflict | null = null;
  private status: SaveStatus = 'saved';
  private error: unknown = null;
  private savedAt: number | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private retryDelay: number;
  private snapshot: SaverSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly options: Required<Omit<SaverOptions, 'onServerReport'>> &
    Pick<SaverOptions, 'onServerReport'>;

  constructor(detail: ReportDetail, options: SaverOptions) {
    this.options = {
      debounceMs: 1000,
      retryMs: 3000,
      maxRetryMs: 60_000,
      now: () => Date.now(),
      ...options,
    };
    this.retryDelay = this.options.retryMs;
    this.detail = detail;
    this.content = detail.model.content;
    this.snapshot = this.makeSnapshot();
  }

  // ---- for React (useSyncExternalStore) ----

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SaverSnapshot => this.snapshot;

  private makeSnapshot(): SaverSnapshot {
    return {
      detail: this.detail,
      content: this.content,
      status: this.status,
      conflict: this.conflict,
      error: this.error,
      savedAt: this.savedAt,
    };
  }

  private emit() {
    this.snapshot = this.makeSnapshot();
    for (const listener of this.listeners) listener();
  }

  /** true while some edit is not on the server yet */
  get hasUnsaved(): boolean {
    return this.pending.size > 0 || this.inflight !== null || this.refused !== null;
  }

  // ---- edits ----

  /** The writer changed a place: shown at once, sent when the typing stops. */
  edit(path: string, value: FieldValue): void {
    this.pending.delete(path); // keep the order of the latest edits
    this.pending.set(path, value);
    this.content = applyChanges(this.content, [[path, value]]);
    if (this.status === 'saved' || this.status === 'saving') this.status = 'pending';
    this.schedule(this.options.debounceMs);
    this.emit();
  }

  /** Sends the waiting edits now (on blur, before a status change, when back online). */
  flush(): Promise<void> {
    this.clearTimer();
    if (this.inflight) return this.inflight;
    if (this.conflict || this.status === 'locked' || this.pending.size === 0) return Promise.resolve();
    this.inflight = this.send().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  /**
   * Waits until every edit is saved (before submitting): sends what waits, and fails if it cannot be saved
   * (offline, refused, in conflict).
   */
  async settle(): Promise<void> {
    for (let i = 0; i < 5; i++) {
      await this.flush();
      if (this.conflict || ['offline', 'failed', 'locked'].includes(this.status)) {
        throw this.error ?? new Error(`cannot save: ${this.status}`);
      }
      if (!this.hasUnsaved) return;
    }
  }

  /**
   * The writer's choices for a refused save: for each clashing place, their version (re-sent over the other
   * one) or the other one (theirs stays, their edit is dropped). The rest of the refused save and any edit
   * made since go out again from the current version.
   */
  resolve(choices: Record<string, ConflictChoice>): void {
    const conflict = this.conflict;
    const refused = this.refused ?? new Map<string, FieldValue>();
    if (!conflict) return;
    const clashing = new Set(conflict.conflicts.map((c) => c.path));
    const next = new Map<string, FieldValue>();
    for (const [path, value] of refused) {
      if (!clashing.has(path) || choices[path] === 'mine') next.set(path, value);
    }
    for (const [path, value] of this.pending) {
      if (clashing.has(path) && choices[path] !== 'mine') continue;
      next.delete(path);
      next.set(path, value);
    }
    this.pending = next;
    this.refused = null;
    this.conflict = null;
    this.error = null;
    this.content = applyChanges(this.detail.model.content, this.pending);
    this.status = this.pending.size ? 'pending' : 'saved';
    this.emit();
    void this.flush();
  }

  /**
   * A newer report from elsewhere (a status change, a reload): shown with the edits not saved yet on top.
   * An older or equal version than the one held is ignored.
   */
  adopt(detail: ReportDetail, { force = false } = {}): void {
    if (!force && detail.version <= this.detail.version && detail.status === this.detail.status) return;
    this.detail = detail;
    this.content = applyChanges(detail.model.content, [...(this.refused ?? []), ...this.pending]);
    if (this.status === 'locked' && detail.status === 'draft') {
      this.status = this.pending.size ? 'pending' : 'saved';
      this.error = null;
    }
    this.emit();
  }

  /** Stops the timers. */
  dispose(): void {
    this.clearTimer();
  }

  // ---- sending ----

  private clearTimer() {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(ms: number) {
    this.clearTimer();
    if (this.conflict || this.status === 'locked') return;
    this.timer = setTimeout(() => void this.flush(), ms);
  }

  private async send(): Promise<void> {
    const batch = this.pending;
    this.pending = new Map();
    this.status = 'saving';
    this.emit();
    const patch: ReportPatch = {
      version: this.detail.version,
      changes: [...batch].map(([path, value]) => ({ path, value })),
    };
    try {
      const detail = await this.options.send(patch);
      this.detail = detail;
      this.content = applyChanges(detail.model.content, this.pending);
      this.status = this.pending.size ? 'pending' : 'saved';
      this.error = null;
      this.savedAt = this.options.now();
      this.retryDelay = this.options.retryMs;
      this.options.onServerReport?.(detail);
      if (this.pending.size) this.schedule(this.options.debounceMs);
      this.emit();
    } catch (error) {
      this.failed(batch, error);
    }
  }

  /** Puts a batch back under the edits made since (those are newer). */
  private requeue(batch: Map<string, FieldValue>) {
    const next = new Map(batch);
    for (const [path, value] of this.pending) {
      next.delete(path);
      next.set(path, value);
    }
    this.pending = next;
  }

  private failed(batch: Map<string, FieldValue>, error: unknown) {
    this.error = error;
    const conflict = conflictOf(error);
    if (conflict && conflict.conflicts.length > 0) {
      // the server refused the whole save: keep it aside until the writer has chosen
      this.refused = batch;
      this.conflict = { report: conflict.report, conflicts: conflict.conflicts };
      this.detail = conflict.report;
      this.content = applyChanges(conflict.report.model.content, [...batch, ...this.pending]);
      this.status = 'conflict';
      this.options.onServerReport?.(conflict.report);
      this.emit();
      return;
    }
    this.requeue(batch);
    if (conflict) {
      // a newer version without a clash: start from it and send again
      this.detail = conflict.report;
      this.content = applyChanges(conflict.report.model.content, this.pending);
      this.status = 'pending';
      this.schedule(0);
    } else if (error instanceof ApiError && (error.code === 'conflict' || error.code === 'locked')) {
      this.status = 'locked';
    } else if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
      // refused as invalid: sending it again would fail the same way; the writer changes it or retries
      this.status = 'failed';
    } else {
      this.status = error instanceof ApiError && error.code === 'network' ? 'offline' : 'failed';
      this.schedule(this.retryDelay);
      this.retryDelay = Math.min(this.retryDelay * 2, this.options.maxRetryMs);
    }
    this.emit();
  }
}
