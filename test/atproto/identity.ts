/** The protocol's identity lookups pointed at the test network: the mock PLC, and handles asked of the PDS. */
import http from 'node:http';
import { HandleResolver } from '@atproto/identity';
import type { DiscoveryOptions } from '../../electron/main/publisher/discovery';
import type { Network } from './network';

/**
 * The HTTPS handle method (`https://<handle>/.well-known/atproto-did`) against the PDS on loopback,
 * which answers it for its own handles by the request's host. No DNS query leaves the machine:
 * the `.test` handles have no TXT records anyway.
 */
class LoopbackHandles extends HandleResolver {
  override resolveDns(): Promise<string | undefined> {
    return Promise.resolve(undefined);
  }
  override resolveDnsBackup(): Promise<string | undefined> {
    return Promise.resolve(undefined);
  }
}

/** Discovery options for a device, and every address the handle method asked for. */
export function loopbackDiscovery(network: Network): { options: DiscoveryOptions; asked: string[] } {
  const asked: string[] = [];
  const pds = new URL(network.pdsUrl);
  // node:http, as fetch never sends a Host header of its own choosing.
  const fetch: typeof globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    asked.push(url.href);
    return new Promise((resolve, reject) => {
      const request = http.get(
        {
          host: pds.hostname,
          port: pds.port,
          path: url.pathname,
          headers: { host: url.host },
          signal: init?.signal ?? undefined,
        },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => parts.push(chunk));
          answer.on('end', () =>
            resolve(new Response(Buffer.concat(parts), { status: answer.statusCode ?? 502 })),
          );
        },
      );
      request.on('error', reject);
    });
  };
  return {
    // DID documents come from the mock PLC over plain http on loopback, which the library's
    // guarded default fetch (public https hosts only) rightly refuses.
    options: {
      plcUrl: network.plcUrl,
      fetch: globalThis.fetch,
      handleResolver: new LoopbackHandles({ fetch }),
    },
    asked,
  };
}
