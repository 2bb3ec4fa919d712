import type { MessageBoxOptions, MessageBoxReturnValue } from 'electron';
import { describeData, holdsMore } from './data-summary';
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
function shownTime(at: Date | undefined): string | null {
  return at && !Number.isNaN(at.getTime()) ? at.toLocaleString() : null;
}

/** The dialog for a refused database: what happened, what the file and its last backup hold, and what to do. */
export function refusalDialog(refusal: Refusal, facts: { version: string; platform: string }): RefusalDialog {
  const backup = refusal.latestBackup;
  const when = shownTime(backup?.takenAt);
  const fileLine = `Your file: ${refusal.file} (${describeData(refusal.current)}).`;
  const backupLine =
    backup === null
      ? 'There is no backup of it yet.'
      : `The latest backup is ${backup.path}${when ? `, made ${when}` : ''} (${describeData(backup.holds)}).`;
  const restorable = backup !== null && RESTORABLE.has(refusal.reason);
  const hidesNewer = restorable && holdsMore(refusal.current, backup.holds);
  const warning = hidesNewer
    ? '\n\nYour file holds posts the backup does not have: restoring the backup would hide them (your file is set aside, never deleted).'
    : '';
  const details = [
    `Microblog ${facts.version} on ${facts.platform}`,
    `Problem: ${refusal.reason} (${refusal.code})`,
    refusal.message,
    fileLine,
    backupLine,
  ].join('\n');
  const buttons = ['Copy details', 'Quit'];
  const actions: RefusalAction[] = ['copy', 'quit'];
  if (restorable) {
    const from = when ?? 'before the last update';
    buttons.push(hidesNewer ? `Restore the older backup from ${from}` : `Restore the backup from ${from}`);
    actions.push('restore');
  }
  if (
    refusal.current.state === 'readable' &&
    refusal.current.servable &&
    READABLE_REFUSALS.has(refusal.reason)
  ) {
    buttons.push('Open read-only to export');
    actions.push('read-only');
  }
  return {
    actions,
    details,
    options: {
      type: 'error',
      title: 'Microblog cannot open your data',
      message: 'Microblog cannot open your data, and did not change it.',
      detail: `${refusal.message}\n\n${fileLine}\n${backupLine}${warning}`,
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
  facts: { version: string; platform: string },
  deps: RefusalDeps,
): Promise<'quit' | 'restored' | 'read-only'> {
  const dialog = refusalDialog(refusal, facts);
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
          title: 'The backup was not restored',
          message: 'Microblog could not restore the backup, and left your file as it was.',
          detail: `${(error as Error).message}\n\nYour file: ${refusal.file}\nThe backup: ${backupPath}`,
          buttons: ['OK'],
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
