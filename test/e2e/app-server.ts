/**
 * The app's own `app://` handler (`serveRendererRequest`) behind a `node:http` server on
 * 127.0.0.1, so the browser tests load the page through the real path resolution, MIME types
 * and security headers. Only the transport differs: `/x` here is `app://microblog/x` there.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP_URL, serveRendererRequest } from '../../electron/main/protocol';

export interface AppServer {
  url: string;
  close(): Promise<void>;
}

/** The app protocol's Request for one HTTP request; a method `Request` refuses (CONNECT) becomes null. */
function appRequest(request: http.IncomingMessage): Request | null {
  try {
    // A protocol-relative or absolute target ("//evil/x") resolves off the app's host, and the handler refuses it.
    return new Request(new URL(request.url ?? '/', APP_URL), { method: request.method ?? 'GET' });
  } catch {
    return null;
  }
}

/** Serves `rendererDir` as the app protocol would, at a random port. */
export async function serveApp(rendererDir: string): Promise<AppServer> {
  const server = http.createServer((request, response) => {
    const appReq = appRequest(request);
    if (appReq === null) {
      response.writeHead(405).end();
      return;
    }
    serveRendererRequest(rendererDir, appReq)
      .then(async (answer) => {
        response.writeHead(answer.status, Object.fromEntries(answer.headers));
        response.end(Buffer.from(await answer.arrayBuffer()));
      })
      .catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
