import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ReportDetail } from '../../../core/contracts/report.js';
import { patchReport, reportKeys } from '../../api/reports.js';
import { ReportSaver, type SaverSnapshot } from './saver.js';

/**
 * One saver per open report: its snapshot for rendering, the page's cache kept current with every answer,
 * a new attempt as soon as the browser is back online, and a warning before leaving with unsaved edits.
 */
export function useReportSaver(initial: ReportDetail): { saver: ReportSaver; state: SaverSnapshot } {
  const queryClient = useQueryClient();
  const [saver] = useState(
    () =>
      new ReportSaver(initial, {
        send: (patch) => patchReport(initial.id, patch),
        onServerReport: (detail) => {
          queryClient.setQueryData(reportKeys.detail(detail.id), detail);
          void queryClient.invalidateQueries({ queryKey: reportKeys.list(detail.programme.slug) });
        },
      }),
  );
  const state = useSyncExternalStore(saver.subscribe, saver.getSnapshot, saver.getSnapshot);

  // a refetch of the report (another tab, a reload of the query) brings others' work in
  useEffect(() => saver.adopt(initial), [saver, initial]);

  useEffect(() => {
    const online = () => void saver.flush();
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!saver.hasUnsaved) return;
      void saver.flush();
      event.preventDefault();
    };
    window.addEventListener('online', online);
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('beforeunload', beforeUnload);
      // leaving the page inside the app: what waits is sent now, not lost
      void saver.flush();
    };
  }, [saver]);

  return { saver, state };
}
