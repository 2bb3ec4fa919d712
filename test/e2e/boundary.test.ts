/**
 * What crosses from the page to main, and what the page is served with, checked through the
 * running app. Payloads are built inside the page (expressions, not Playwright arguments), so
 * they reach `window.microblog` exactly as page script would make them.
 */
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/protocol';
import type { OpenApp } from './harness';
import { appsPerTest, visible } from './steps';

const open = appsPerTest();

async function start(): Promise<OpenApp> {
  const app = await open();
  await visible(app.page.getByRole('heading', { name: 'Welcome to Microblog' }));
  return app;
}

/** Runs `call` (an expression using window.microblog) in the page; returns main's answer and what main received. */
async function send(
  app: OpenApp,
  channel: string,
  call: string,
): Promise<{ answer: unknown; payloads: unknown[] }> {
  const before = (await app.received()).length;
  const answer = await app.page.evaluate(call);
  const payloads = (await app.received())
    .slice(before)
    .filter((entry) => entry.channel === channel)
    .map((entry) => entry.payload);
  return { answer, payloads };
}

describe('the IPC boundary, as Electron delivers it', () => {
  it('keeps a lone surrogate in a string intact on its way to main', async () => {
    const app = await start();
    const { payloads } = await send(
      app,
      'posts:create',
      `window.microblog.posts.create({ body: 'a\\uD800b' })`,
    );
    expect(payloads).toHaveLength(1);
    const body = (payloads[0] as { body: string }).body;
    expect([...body].map((c) => c.codePointAt(0))).toEqual([0x61, 0xd800, 0x62]);
  });

  it('fills the holes of a sparse array with undefined (contextBridge copies arrays element by element)', async () => {
    const app = await start();
    const { payloads } = await send(app, 'posts:byUser', `window.microblog.posts.byUser([, 'x', , ])`);
    expect(payloads).toHaveLength(1);
    const array = payloads[0] as unknown[];
    expect(array).toHaveLength(3);
    expect(Object.keys(array)).toEqual(['0', '1', '2']);
    expect(array).toEqual([undefined, 'x', undefined]);
  });

  it('structured-clones Maps and Dates, so a hole inside a Map survives and -0, NaN and BigInt keep their value', async () => {
    const app = await start();
    const { payloads } = await send(
      app,
      'posts:byUser',
      `window.microblog.posts.byUser(new Map([['when', new Date(86400000)], ['holes', [, 1]], ['n', [-0, NaN, 10n]]]))`,
    );
    expect(payloads).toHaveLength(1);
    const map = payloads[0] as Map<string, unknown>;
    expect(map).toBeInstanceOf(Map);
    expect(map.get('when')).toEqual(new Date('1970-01-02T00:00:00.000Z'));
    const holes = map.get('holes') as unknown[];
    expect(holes).toHaveLength(2);
    expect(Object.keys(holes)).toEqual(['1']);
    const [zero, nan, big] = map.get('n') as [number, number, bigint];
    expect(Object.is(zero, -0)).toBe(true);
    expect(nan).toBeNaN();
    expect(big).toBe(10n);
  });

  it('turns an Error into a plain Error with its message, and drops a class’s prototype', async () => {
    const app = await start();
    const { payloads } = await send(
      app,
      'users:get',
      `window.microblog.users.get({ error: new TypeError('boom'), made: new (class Point { constructor() { this.x = 1; } })() })`,
    );
    const { error, made } = payloads[0] as { error: Error; made: object };
    expect(error).toBeInstanceOf(Error);
    expect([error.name, error.message]).toEqual(['Error', 'boom']);
    expect(Object.getPrototypeOf(made)).toBe(Object.prototype);
    expect(made).toEqual({ x: 1 });
  });

  it('never delivers a function: the call fails in the page and main receives nothing', async () => {
    const app = await start();
    const { answer, payloads } = await send(
      app,
      'users:get',
      `window.microblog.users.get({ id: 1, f() {} })`,
    );
    expect(payloads).toEqual([]);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});

describe('the page as the app protocol serves it', () => {
  it('carries the one CSP, CONTENT_SECURITY_POLICY, in its header and no <meta> policy', async () => {
    const app = await start();
    expect(app.servedHeaders['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(app.servedHeaders['content-type']).toBe('text/html; charset=utf-8');
    expect(app.servedHeaders['x-content-type-options']).toBe('nosniff');
    expect(await app.page.locator('meta[http-equiv="Content-Security-Policy" i]').count()).toBe(0);
  });

  it('serves scripts with their MIME type and answers 404, with the CSP, to a path that tries to climb out', async () => {
    const app = await start();
    const script = (await app.page.locator('script[src]').first().getAttribute('src')) ?? '';
    const probe = (url: string) =>
      app.page.evaluate<[number, string | null, string | null]>(
        `fetch(${JSON.stringify(url)}).then((r) => [r.status, r.headers.get('content-type'), r.headers.get('content-security-policy')])`,
      );
    expect(await probe(script)).toEqual([200, 'text/javascript; charset=utf-8', CONTENT_SECURITY_POLICY]);
    // Encoded slashes reach the handler undecoded by the browser; decoded, they would name the
    // built preload beside the renderer folder, which a naive path join would serve.
    expect(await probe('./assets/..%2f..%2fpreload%2fpreload.cjs')).toEqual([
      404,
      'text/plain; charset=utf-8',
      CONTENT_SECURITY_POLICY,
    ]);
  });
});
