import type { DiscoveryOptions } from '../../electron/main/publisher/discovery';
import { afterThisTest, tempDir } from '../fixtures/index';
import { openDevice } from './open-device';

export { fakeCipher } from './cipher';

/**
 * A device: the app's own context (startup, migrations, the IPC dispatcher) on a fresh database, with
 * the publisher beside it on the same event loop; `fetch` lets a test put a proxy before the PDS, and
 * `discovery` points handle and DID lookups at the test network.
 */
export async function device(
  username: string,
  fetch?: typeof globalThis.fetch,
  discovery?: DiscoveryOptions,
) {
  const opened = await openDevice(tempDir(), username, fetch, discovery);
  afterThisTest(() => void opened.close());
  return opened;
}
