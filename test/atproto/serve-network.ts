/**
 * The reference PDS (on SQLite) and a mock PLC on 127.0.0.1, with the pinned `@atproto/dev-env` of
 * test/atproto/package.json. Run as its own process (see network.ts), as a real PDS is another
 * computer: its work never shares the event loop the tests measure. It prints `ready <json>`;
 * SIGUSR1 stops the PDS (`stopped`), SIGUSR2 starts it again with the same data (`started`).
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { TestNetworkNoAppView, TestPds } from '@atproto/dev-env';

/**
 * The reference servers call `listen(port)`, which binds every interface; the tests serve on
 * loopback only, so a bare port (with or without a callback) is bound to 127.0.0.1.
 */
function listenOnLoopbackOnly(): void {
  const listen = net.Server.prototype.listen as (this: net.Server, ...args: unknown[]) => net.Server;
  net.Server.prototype.listen = function (this: net.Server, ...args: unknown[]) {
    const bare = typeof args[0] === 'number' && (args.length === 1 || typeof args[1] === 'function');
    return listen.apply(this, bare ? [args[0], '127.0.0.1', ...args.slice(1)] : args);
  } as typeof net.Server.prototype.listen;
}

/** Starts a PDS and a PLC, with the PDS's data in a folder of its own so that it can restart. */
async function serve(): Promise<void> {
  listenOnLoopbackOnly();
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'microblog-pds-'));
  const config = { dataDirectory: path.join(data, 'data'), blobstoreDiskLocation: path.join(data, 'blobs') };
  fs.mkdirSync(config.dataDirectory);
  const inner = await TestNetworkNoAppView.create({ pds: config });
  const port = inner.pds.port;
  let running = true;
  let busy = Promise.resolve();
  const step = (work: () => Promise<void>) => (busy = busy.then(work));
  process.on('SIGUSR1', () =>
    step(async () => {
      if (running) await inner.pds.close();
      running = false;
      console.log('stopped');
    }),
  );
  process.on('SIGUSR2', () =>
    step(async () => {
      if (!running) inner.pds = await TestPds.create({ didPlcUrl: inner.plc.url, port, ...config });
      running = true;
      console.log('started');
    }),
  );
  process.on('SIGTERM', () =>
    step(async () => {
      if (running) await inner.close();
      else await inner.plc.close();
      fs.rmSync(data, { recursive: true, force: true });
      process.exit(0);
    }),
  );
  console.log(`ready ${JSON.stringify({ pdsUrl: `http://127.0.0.1:${port}`, plcUrl: inner.plc.url })}`);
}

await serve();
