import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { DataOverview } from '../../electron/ipc/contract';
import type { EventName, EventPayload, MicroblogEvents } from '../../electron/ipc/contract';
import { i18n } from '../i18n/index';
import { microblog, unwrap } from './client';

const dataKeys = {
  overview: ['data', 'overview'] as const,
  info: ['app', 'info'] as const,
};

/** The preload's events. Read lazily, like `microblog()`; absent in component tests that give none. */
function events(): MicroblogEvents | undefined {
  return (window as Partial<Pick<Window, 'microblogEvents'>>).microblogEvents;
}

/** Calls `listener` for each event `name` while the component is mounted. */
export function useAppEvent<E extends EventName>(
  name: E,
  listener: (payload: EventPayload<E>) => void,
): void {
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => events()?.on(name, (payload) => latest.current(payload)), [name]);
}

/** The Data screen's state: backups, how many are kept, and a running job. */
export function useDataOverview() {
  return useQuery({ queryKey: dataKeys.overview, queryFn: () => unwrap(microblog().data.overview({})) });
}

/** Facts for the About panel. */
export function useAppInfo() {
  return useQuery({ queryKey: dataKeys.info, queryFn: () => unwrap(microblog().app.info({})) });
}

/** A running export or import, as its events report it. */
export interface JobState {
  jobId: string;
  kind: 'export' | 'import';
  done: number;
  total: number;
}

/** The job on screen: its progress, then the sentence it ended with. */
export function useJob(overview: DataOverview | undefined) {
  const client = useQueryClient();
  const [job, setJob] = useState<JobState | null>(null);
  const [ended, setEnded] = useState<EventPayload<'data:finished'> | null>(null);
  const running = job ?? (overview?.job ? { ...overview.job, done: 0, total: 0 } : null);
  useAppEvent('data:progress', (payload) => setJob(payload));
  useAppEvent('data:finished', (payload) => {
    setJob(null);
    setEnded(payload);
    void client.invalidateQueries({ queryKey: dataKeys.overview });
  });
  const started = (jobId: string, kind: 'export' | 'import') => {
    setEnded(null);
    setJob({ jobId, kind, done: 0, total: 0 });
  };
  return { running, ended, started };
}

/** A job's closing sentence in the app's language: main's catalog key when it gave one. */
export function sentenceText(ended: EventPayload<'data:finished'>): string {
  const { sentence } = ended;
  return sentence && i18n.exists(sentence.key) ? i18n.t(sentence.key, sentence.params ?? {}) : ended.message;
}

/** Starts an export (main asks where to save it first). */
export function useStartExport() {
  return useMutation({
    mutationFn: (input: { username: string | null; format: 'json' | 'csv'; passwordHashes: boolean }) =>
      unwrap(microblog().data.export(input)),
  });
}

/** Starts an import (main asks which archive first). */
export function useStartImport() {
  return useMutation({ mutationFn: () => unwrap(microblog().data.import({})) });
}

/** Cancels the running job. */
export function useCancelJob() {
  return useMutation({ mutationFn: (jobId: string) => unwrap(microblog().data.cancel({ jobId })) });
}

/** Makes a backup now and refreshes the list. */
export function useBackupNow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(microblog().data.backupNow({})),
    onSuccess: () => client.invalidateQueries({ queryKey: dataKeys.overview }),
  });
}

/** Restores a backup; main then restarts the app. */
export function useRestore() {
  return useMutation({ mutationFn: (name: string) => unwrap(microblog().data.restore({ name })) });
}

/** Sets how many backups are kept (older ones are removed now). */
export function useSetKeepBackups() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (keepBackups: number) => unwrap(microblog().data.setKeepBackups({ keepBackups })),
    onSuccess: () => client.invalidateQueries({ queryKey: dataKeys.overview }),
  });
}

/** Shows the data file or a backup in the system's file manager. */
export function useShowInFolder() {
  return useMutation({ mutationFn: (target: string) => unwrap(microblog().data.showInFolder({ target })) });
}

/** Copies the data file's path, or the details for a bug report. */
export function useCopy() {
  return useMutation({ mutationFn: (what: 'path' | 'details') => unwrap(microblog().data.copy({ what })) });
}
