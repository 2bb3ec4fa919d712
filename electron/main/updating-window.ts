/** The small "Updating your data…" window shown while a slow startup migrates. */
import type { ElectronShell, WindowShell } from './shell';
import { windowOptions } from './window';

/** The page, saying `text` ("Updating your data…" in the OS's language); escaped, as it is HTML. */
function updatingPage(text: string): string {
  const escaped = text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `data:text/html;charset=utf-8,${encodeURIComponent(
    `<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>Microblog</title><style>body{font:15px system-ui,sans-serif;display:grid;place-items:center;height:100vh;margin:0}@media(prefers-color-scheme:dark){body{background:#1e1e1e;color:#eee}}</style><p>${escaped}</p>`,
  )}`;
}

/** Opens the window; the returned promise resolves once its page has loaded (startup waits for it). */
export function openUpdatingWindow(
  BrowserWindow: ElectronShell['BrowserWindow'],
  text: string,
): {
  window: WindowShell;
  loaded: Promise<void>;
} {
  const base = windowOptions('');
  const window = new BrowserWindow({
    ...base,
    width: 320,
    height: 120,
    resizable: false,
    minimizable: false,
    show: true,
    webPreferences: { ...base.webPreferences, preload: undefined },
  });
  return { window, loaded: window.loadURL(updatingPage(text)) };
}
