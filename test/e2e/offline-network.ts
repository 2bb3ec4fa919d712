/**
 * The network as the browser tests' main process sees it: none. Every request fails before it
 * leaves, and finding a server from a handle asks no DNS server and no host, so no test reaches
 * past this computer.
 */
import type { DiscoveryOptions } from '../../electron/main/publisher/discovery';

/** A fetch that fails at once, as on a computer with no network. */
export const offlineFetch: typeof globalThis.fetch = () => Promise.reject(new TypeError('fetch failed'));

/** Handle and DID lookups that fail the same way. */
export const offlineDiscovery: DiscoveryOptions = {
  handleResolver: { resolve: () => Promise.reject(new Error('getaddrinfo ENOTFOUND')) },
  fetch: offlineFetch,
};
