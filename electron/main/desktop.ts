import path from 'node:path';
import type { Desktop } from './data-service';
import type { ElectronShell } from './shell';
import type { WorkerScript } from './data-jobs';

/** The bundled export/import worker, next to main.cjs in the built app. */
export function bundledWorkerScript(appPath: string): WorkerScript {
  return { file: path.join(appPath, 'dist', 'main', 'data-worker.cjs') };
}

/** The Data screen's desktop: Electron's save/open dialogs, Show in folder, clipboard and relaunch. */
export function electronDesktop(electron: ElectronShell): Desktop {
  const { dialog, app } = electron;
  return {
    async chooseExportPath(defaultName, format) {
      const filters =
        format === 'csv'
          ? [{ name: 'Spreadsheet (CSV)', extensions: ['csv'] }]
          : [{ name: 'Microblog archive', extensions: ['jsonl'] }];
      const { canceled, filePath } = await dialog.showSaveDialog({
        title: 'Export',
        defaultPath: path.join(app.getPath('documents'), defaultName),
        filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
      return canceled || !filePath ? null : filePath;
    },
    async chooseImportPath() {
      const { canceled, filePaths } = await dialog.showOpenDialog({
        title: 'Import an archive',
        filters: [{ name: 'Microblog archive', extensions: ['jsonl'] }],
        properties: ['openFile'],
      });
      return canceled ? null : (filePaths[0] ?? null);
    },
    showItemInFolder: (file) => electron.shell.showItemInFolder(file),
    writeClipboard: (text) => electron.clipboard.writeText(text),
    relaunch: () => {
      app.relaunch();
      app.exit(0);
    },
  };
}
