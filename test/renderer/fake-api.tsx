import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { IpcError, MicroblogApi, Result } from '../../electron/ipc/contract';

/** A successful IPC result. */
export const ok = <T,>(value: T): Promise<Result<T>> => Promise.resolve({ ok: true, value });

/** A failed IPC result with a typed error. */
export const fail = (error: IpcError): Promise<Result<never>> => Promise.resolve({ ok: false, error });

const notExpected = () => fail({ code: 'INTERNAL', message: 'not expected in this test' });

/**
 * A stand-in for the preload's `window.microblog`, for component tests only (the e2e suite
 * runs the real preload against the real main process). Unlisted calls answer INTERNAL.
 */
export function installFakeApi(overrides: { [D in keyof MicroblogApi]?: Partial<MicroblogApi[D]> }): void {
  const domains = [
    'app',
    'session',
    'users',
    'posts',
    'drafts',
    'settings',
    'links',
    'follows',
    'feed',
    'search',
    'accounts',
  ] as const;
  const api = Object.fromEntries(
    domains.map((domain) => [
      domain,
      new Proxy(
        { ...overrides[domain] },
        { get: (target, key) => (target as Record<string | symbol, unknown>)[key] ?? notExpected },
      ),
    ]),
  );
  Object.defineProperty(window, 'microblog', { value: api, configurable: true });
}

/** Wraps a component in a fresh query cache with the app's defaults. */
export function withQueryClient(children: ReactNode): ReactNode {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

/** What a profile page's read adds to a user: no about me, no picture, fixed times. */
export const PROFILE_EXTRAS = {
  aboutMe: null,
  avatar: null,
  lastSeen: '2026-01-02T00:00:00.000Z',
  createdAt: '2026-01-01T00:00:00.000Z',
};
