import type { MessageBoxOptions, MessageBoxReturnValue } from 'electron';
import type { StartupOutcome } from './startup';
import { listBackups } from './backups';
import { restoreBackup } from './restore';

type Refusal = Extract<StartupOutcome, { ok: false }>;

/**
 * Restoring replaces the file, so it is offered only where the file itself is the problem.
 * Not for a read-only file (the user protected it), nor when opening or backing up failed
 * (a full disk or a permission problem, which a restore cannot fix and could make worse).
 */
const RESTORABLE: ReadonlySet<Refusal['reason']> = new Set<Refusal['reason']>([
  'migration-failed',
  'corrupt',
  'not-a-database',
  'empty-file',
  'from-the-future',
  'out-of-sync',
  'unknown-schema',
]);

export type RefusalAction = 'copy' | 'quit' | 'restore';

export interface RefusalDialog {
  options: MessageBoxOptions;
  /** What each button (by index) does. */
  actions: RefusalAction[];
  /** The text "Copy details" puts on the clipboard. */
  details: string;
}

/** When the backup was made, from its name; null for a file this app did not name. */
function backupTime(refusal: Refusal): Date | null {
  if (refusal.latestBackup === null) return null;
  return listBackups(refusal.file).find((backup) => backup.path === refusal.latestBackup)?.takenAt ?? null;
}

/** The dialog for a refused database: what happened, where the file and its last backup are, and what to do. */
export function refusalDialog(refusal: Refusal, facts: { version: string; platform: string }): RefusalDialog {
  const when = backupTime(refusal);
  const backupLine =
    refusal.latestBackup === null
      ? 'There is no backup of it yet.'
      : `The latest backup is ${refusal.latestBackup}${when ? ` (made ${when.toLocaleString()})` : ''}.`;
  const details = [
    `Microblog ${facts.version} on ${facts.platform}`,
    `Problem: ${refusal.reason}`,
    refusal.message,
    `Database: ${refusal.file}`,
    `Latest backup: ${refusal.latestBackup ?? 'none'}`,
  ].join('\n');
  const buttons = ['Copy details', 'Quit'];
  const actions: RefusalAction[] = ['copy', 'quit'];
  if (refusal.latestBackup !== null && RESTORABLE.has(refusal.reason)) {
    buttons.push(`Restore the backup from ${when ? when.toLocaleString() : 'before the last update'}`);
    actions.push('restore');
  }
  return {
    actions,
    details,
    options: {
      type: 'error',
      title: 'Microblog cannot open your data',
      message: 'Microblog cannot open your data, and did not change it.',
      detail: `${refusal.message}\n\nYour file: ${refusal.file}\n${backupLine}`,
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
 * Shows the refusal dialog until the user quits or restores. "Copy details" copies and asks
 * again; "Restore" sets the current file aside (renamed, never deleted), copies the backup in
 * and relaunches. Returns what the user chose in the end.
 */
export async function handleRefusal(
  refusal: Refusal,
  facts: { version: string; platform: string },
  deps: RefusalDeps,
): Promise<'quit' | 'restored'> {
  const dialog = refusalDialog(refusal, facts);
  for (;;) {
    const { response } = await deps.showMessageBox(dialog.options);
    const action = dialog.actions[response] ?? 'quit';
    if (action === 'copy') {
      try {
        await deps.writeClipboard(dialog.details);
      } catch (error) {
        console.error('Copying the details failed:', error);
      }
      continue;
    }
    if (action === 'restore' && refusal.latestBackup !== null) {
      try {
        restoreBackup({ dbPath: refusal.file, backupPath: refusal.latestBackup });
      } catch (error) {
        console.error('Restoring the backup failed:', error);
        await deps.showMessageBox({
          type: 'error',
          title: 'The backup was not restored',
          message: 'Microblog could not restore the backup, and left your file as it was.',
          detail: `${(error as Error).message}\n\nYour file: ${refusal.file}\nThe backup: ${refusal.latestBackup}`,
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
