import type { MessageBoxOptions, MessageBoxReturnValue } from 'electron';
import type { TFunction } from 'i18next';
import { describeData, holdsMore } from './data-summary';
import { translated, translatorFor } from './i18n';
import { restoreBackup } from './restore';
import type { Refusal } from './startup';

type Reason = Refusal['reason'];

/**
 * Restoring replaces the file, so it is offered only where the file itself is the problem.
 * Not for a read-only file (the user protected it), nor for trouble around the file (busy,
 * disk full, I/O, permissions, a failed backup), which a restore cannot fix and could make
 * worse, nor for a sidecar that does not belong (moving the sidecar is the remedy).
 */
const RESTORABLE: ReadonlySet<Reason> = new Set<Reason>([
  'migration-failed',
  'corrupt',
  'not-a-database',
  'empty-file',
  'from-the-future',
  'out-of-sync',
  'unknown-schema',
  'damaged-schema',
]);

/**
 * Refused files that SQLite may still read: they can be opened read-only so the posts can be
 * copied out. Not after a failed migration: that file is fine for the version that wrote it.
 */
const READABLE_REFUSALS: ReadonlySet<Reason> = new Set<Reason>([
  'corrupt',
  'from-the-future',
  'out-of-sync',
  'unknown-schema',
  'damaged-schema',
]);

export type RefusalAction = 'copy' | 'quit' | 'restore' | 'read-only';

export interface RefusalDialog {
  options: MessageBoxOptions;
  /** What each button (by index) does. */
  actions: RefusalAction[];
  /** The text "Copy details" puts on the clipboard. */
  details: string;
}

/** A time worth showing, or null (an impossible date is never shown). */
function shownTime(at: Date | undefined, locale: string | undefined): string | null {
  return at && !Number.isNaN(at.getTime()) ? at.toLocaleString(locale) : null;
}

/** "The latest backup is …, made … (…)." or that there is none, in `t`'s language. */
function backupLineIn(
  t: TFunction,
  backup: Refusal['latestBackup'],
  when: string | null,
  data: (summary: Refusal['current']) => string,
): string {
  if (backup === null) return t('main.refusal.noBackup');
  if (when === null)
    return t('main.refusal.backupLineUndated', { path: backup.path, data: data(backup.holds) });
  return t('main.refusal.backupLine', { path: backup.path, when, data: data(backup.holds) });
}

/** The app's facts for the dialog; `locale` (the OS's) picks its language, English by default. */
export interface RefusalFacts {
  version: string;
  platform: string;
  locale?: string;
}

/**
 * The dialog for a refused database: what happened, what the file and its last backup hold, and
 * what to do, in the OS's language. "Copy details" stays in English, for a bug report.
 */
export function refusalDialog(refusal: Refusal, facts: RefusalFacts): RefusalDialog {
  const { t, language } = translatorFor(facts.locale);
  const backup = refusal.latestBackup;
  const when = shownTime(backup?.takenAt, language);
  const data = (summary: Refusal['current']): string => describeData(summary, t, language);
  const fileLine = t('main.refusal.fileLine', { file: refusal.file, data: data(refusal.current) });
  const backupLine = backupLineIn(t, backup, when, data);
  const restorable = backup !== null && RESTORABLE.has(refusal.reason);
  const hidesNewer = restorable && holdsMore(refusal.current, backup.holds);
  const warning = hidesNewer ? `\n\n${t('main.refusal.hidesNewer')}` : '';
  const english = translatorFor().t;
  const details = [
    `Microblog ${facts.version} on ${facts.platform}`,
    `Problem: ${refusal.reason} (${refusal.code})`,
    refusal.message,
    english('main.refusal.fileLine', { file: refusal.file, data: describeData(refusal.current) }),
    backupLineIn(english, backup, shownTime(backup?.takenAt, undefined), describeData),
  ].join('\n');
  const buttons = [t('main.refusal.copy'), t('main.refusal.quit')];
  const actions: RefusalAction[] = ['copy', 'quit'];
  if (restorable) {
    const from = when ?? t('main.refusal.beforeLastUpdate');
    buttons.push(t(hidesNewer ? 'main.refusal.restoreOlder' : 'main.refusal.restore', { from }));
    actions.push('restore');
  }
  if (
    refusal.current.state === 'readable' &&
    refusal.current.servable &&
    READABLE_REFUSALS.has(refusal.reason)
  ) {
    buttons.push(t('main.refusal.readOnly'));
    actions.push('read-only');
  }
  return {
    actions,
    details,
    options: {
      type: 'error',
      title: t('main.refusal.title'),
      message: t('main.refusal.message'),
      detail: `${translated(t, refusal.message)}\n\n${fileLine}\n${backupLine}${warning}`,
      buttons,
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    },
  };
}

export interface RefusalDeps {
  showMessageBox(options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
  /** Electron's clipboard.writeText, asynchronous since Electron 44. */
  writeClipboard(text: string): Promise<void>;
  /** Starts the app again (after a restore) and quits this instance. */
  relaunch(): void;
  quit(): void;
}

/**
 * Shows the refusal dialog until the user quits, restores or opens read-only. "Copy details"
 * copies and asks again; "Restore" sets the current file aside (renamed, never deleted), copies
 * the backup in and relaunches. Returns what the user chose in the end.
 */
export async function handleRefusal(
  refusal: Refusal,
  facts: RefusalFacts,
  deps: RefusalDeps,
): Promise<'quit' | 'restored' | 'read-only'> {
  const dialog = refusalDialog(refusal, facts);
  const { t } = translatorFor(facts.locale);
  for (;;) {
    const { response } = await deps.showMessageBox(dialog.options);
    const action = dialog.actions[response] ?? 'quit';
    if (action === 'copy') {
      await deps.writeClipboard(dialog.details).catch((error: unknown) => {
        console.error('Copying the details failed:', error);
      });
      continue;
    }
    if (action === 'read-only') return 'read-only';
    if (action === 'restore' && refusal.latestBackup !== null) {
      const backupPath = refusal.latestBackup.path;
      try {
        restoreBackup({ dbPath: refusal.file, backupPath });
      } catch (error) {
        console.error('Restoring the backup failed:', error);
        await deps.showMessageBox({
          type: 'error',
          title: t('main.refusal.restoreFailedTitle'),
          message: t('main.refusal.restoreFailedMessage'),
          detail: t('main.refusal.restoreFailedDetail', {
            reason: translated(t, (error as Error).message),
            file: refusal.file,
            backup: backupPath,
          }),
          buttons: [t('main.refusal.ok')],
          noLink: true,
        });
        continue;
      }
      deps.relaunch();
      return 'restored';
    }
    deps.quit();
    return 'quit';
  }
}
