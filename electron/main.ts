/**
 * Electron's entry point: a thin shell that hands the real Electron modules to `runApp`,
 * where the startup sequence lives (and is tested with a fake of these modules).
 */
import { BrowserWindow, app, clipboard, dialog, ipcMain, protocol, session, shell } from 'electron';
import { runApp } from './main/app';
import type { ElectronShell } from './main/shell';

const electron: ElectronShell = {
  app,
  BrowserWindow,
  ipcMain,
  protocol,
  dialog,
  clipboard,
  shell,
  get session() {
    // `session` may only be touched once the app is ready; runApp reads it after whenReady().
    return session;
  },
  env: process.env,
};

runApp(electron).catch((error: unknown) => {
  console.error('Microblog failed to start:', error);
  app.exit(1);
});
