import fs from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme, Protocol } from 'electron';

/** The app is served from `app://microblog/`, never from the network or a bare `file://`. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'microblog';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/`;

/** No inline script, no remote origins, nothing framed, no plugins. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** `standard` gives the scheme real origins and relative URLs; `secure` makes it a secure context. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** Must run before `app` is ready. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** True when the URL is one of the app's own pages (protocol and host; a custom scheme's origin is 'null'). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * The file inside `rootDir` that an `app://microblog/...` URL names, or null when the URL is
 * not the app's or would leave the folder (`..`, encoded slashes, absolute paths).
 * `/` and paths without an extension (client-side routes) serve index.html.
 */
export function resolveRendererFile(rootDir: string, url: string): string | null {
  if (!isAppUrl(url)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const root = path.resolve(rootDir);
  const relative = path.posix.normalize(pathname).replace(/^\/+/, '');
  if (relative.split('/').includes('..')) return null;
  const file = relative === '' || path.posix.extname(relative) === '' ? 'index.html' : relative;
  const resolved = path.resolve(root, file);
  if (resolved !== root && !resolved.startsWith(root + path.sep)) return null;
  return resolved;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Headers on every response of the app protocol, errors included. */
export function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/**
 * The file's real path when it lies inside the folder's real path, else null: the URL check
 * above is lexical, and a symlink inside the folder could otherwise lead anywhere on disk.
 */
async function realFileInside(rootDir: string, file: string): Promise<string | null> {
  const [root, real] = await Promise.all([fs.realpath(rootDir), fs.realpath(file)]);
  return real.startsWith(root + path.sep) ? real : null;
}

/**
 * Answers one request of the app protocol from the built renderer folder. A plain
 * Request → Response function, so Electron's `protocol.handle` and a `node:http` server (the
 * e2e harness) serve the page through the same path checks, MIME types and headers.
 */
export async function serveRendererRequest(rootDir: string, request: Request): Promise<Response> {
  const text = (status: number, body: string) =>
    new Response(body, { status, headers: securityHeaders('text/plain; charset=utf-8') });
  if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Method not allowed');
  const resolved = resolveRendererFile(rootDir, request.url);
  if (resolved === null) return text(404, 'Not found');
  try {
    const file = await realFileInside(rootDir, resolved);
    if (file === null) return text(404, 'Not found');
    const body = await fs.readFile(file);
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: securityHeaders(type),
    });
  } catch {
    return text(404, 'Not found');
  }
}

/** Serves `app://microblog/` from `rootDir` and nothing else. Call after `app` is ready. */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveRendererRequest(rootDir, request));
}
