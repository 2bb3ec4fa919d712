/**
 * Builds `window.microblog` from the contract's channel list: `api.users.create(input)`
 * invokes `users:create`. Pure (no Electron import), so the preload and its tests share it.
 */
import { CHANNELS, type Channel, type MicroblogApi, type Result, splitChannel } from './contract';

/** Sends one request to main; Electron's `ipcRenderer.invoke` in the preload. */
export type Invoke = (channel: Channel, payload: unknown) => Promise<unknown>;

/** A fresh value each time: the page may hold on to (and mutate) what it gets. */
const unreachable = (): Result<never> => ({
  ok: false,
  // The catalog's English, written out: the sandboxed preload stays free of the i18n library.
  error: {
    code: 'INTERNAL',
    message: 'The app could not reach its data. Restart Microblog and try again.',
    sentence: { key: 'errors.unreachable' },
  },
});

/** The API object: one frozen function per channel, each passing exactly one argument on. */
export function buildMicroblogApi(invoke: Invoke): MicroblogApi {
  const domains: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const channel of CHANNELS) {
    const [domain, action] = splitChannel(channel);
    domains[domain] ??= {};
    // Main answers with a Result; if the call itself fails (no handler), answer with one too.
    domains[domain][action] = (input: unknown) => invoke(channel, input).catch(unreachable);
  }
  for (const domain of Object.values(domains)) Object.freeze(domain);
  // Built from CHANNELS, the same keys MicroblogApi is derived from; a test checks the shape.
  return Object.freeze(domains) as unknown as MicroblogApi;
}
