/**
 * A proxy on loopback between a device and the PDS. Each request is offered to `intercept`, which
 * may answer it itself (a 429, an expired token), or let it through and then drop the response.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Decision =
  'forward' | 'forward-then-drop' | { status: number; body: object; headers?: Record<string, string> };

export interface Proxy {
  url: string;
  /** Every request that reached the proxy: method, path (no query) and what was done. */
  seen: { method: string; path: string; decision: string }[];
  /** A fetch that sends the device's requests here, whichever address they named. */
  fetch: typeof globalThis.fetch;
  close(): Promise<void>;
}

/** Starts the proxy in front of `target` (an http://127.0.0.1:port origin). */
export async function startProxy(
  target: string,
  intercept: (method: string, path: string) => Decision,
): Promise<Proxy> {
  const seen: Proxy['seen'] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const decision = intercept(req.method ?? 'GET', path);
      seen.push({
        method: req.method ?? 'GET',
        path,
        decision: typeof decision === 'string' ? decision : String(decision.status),
      });
      if (typeof decision === 'object') {
        res.writeHead(decision.status, { 'content-type': 'application/json', ...decision.headers });
        res.end(JSON.stringify(decision.body));
        return;
      }
      const headers = { ...req.headers };
      delete headers.host;
      const body = Buffer.concat(chunks);
      const upstream = http.request(
        new URL(req.url ?? '/', target),
        { method: req.method, headers },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => parts.push(chunk));
          answer.on('end', () => {
            // The PDS has done the write; the device never hears of it.
            if (decision === 'forward-then-drop') return void req.socket.destroy();
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(Buffer.concat(parts));
          });
        },
      );
      upstream.on('error', () => req.socket.destroy());
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fetch: typeof globalThis.fetch = (input, init) => {
    const original = new URL(input instanceof Request ? input.url : String(input));
    const routed = new URL(original.pathname + original.search, url);
    return globalThis.fetch(input instanceof Request ? new Request(routed, input) : routed, init);
  };
  return {
    url,
    seen,
    fetch,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
