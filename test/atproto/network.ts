/**
 * The reference PDS (on SQLite) and a mock PLC, started inside the test run on 127.0.0.1 with the
 * pinned `@atproto/dev-env` of test/atproto/package.json.
 */
import net from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TestNetworkNoAppView, TestPds } from '@atproto/dev-env';
import { AtpAgent } from '@atproto/api';

let patched = false;

/**
 * The reference servers call `listen(port)`, which binds every interface; the tests serve on
 * loopback only, so a bare port (with or without a callback) is bound to 127.0.0.1.
 */
function listenOnLoopbackOnly(): void {
  if (patched) return;
  patched = true;
  const listen = net.Server.prototype.listen as (this: net.Server, ...args: unknown[]) => net.Server;
  net.Server.prototype.listen = function (this: net.Server, ...args: unknown[]) {
    const bare = typeof args[0] === 'number' && (args.length === 1 || typeof args[1] === 'function');
    return listen.apply(this, bare ? [args[0], '127.0.0.1', ...args.slice(1)] : args);
  } as typeof net.Server.prototype.listen;
}

export interface TestAccount {
  did: string;
  handle: string;
  /** The account's own password (for the test to manage app passwords). */
  password: string;
  /** An app password, which is what Microblog signs in with. */
  appPassword: string;
}

export interface Network {
  pdsUrl: string;
  inner: TestNetworkNoAppView;
  /** Makes an account and an app password for it. */
  createAccount(name: string): Promise<TestAccount>;
  /** Stops the PDS (the PLC stays up), as when the server or the way to it is down. */
  stopPds(): Promise<void>;
  /** Starts the PDS again at the same address with the same data. */
  startPds(): Promise<void>;
  /** The account's own client, signed in with its main password. */
  agentFor(account: TestAccount): Promise<AtpAgent>;
  close(): Promise<void>;
}

/** Starts a PDS and a PLC, with the PDS's data in a folder of its own so that it can restart. */
export async function startNetwork(): Promise<Network> {
  listenOnLoopbackOnly();
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'microblog-pds-'));
  const config = { dataDirectory: path.join(data, 'data'), blobstoreDiskLocation: path.join(data, 'blobs') };
  fs.mkdirSync(config.dataDirectory);
  const inner = await TestNetworkNoAppView.create({ pds: config });
  const port = inner.pds.port;
  const pdsUrl = `http://127.0.0.1:${port}`;
  let running = true;
  const agentFor = async (account: TestAccount) => {
    const agent = new AtpAgent({ service: pdsUrl });
    await agent.login({ identifier: account.handle, password: account.password });
    return agent;
  };
  return {
    pdsUrl,
    inner,
    agentFor,
    async createAccount(name) {
      const agent = new AtpAgent({ service: pdsUrl });
      const handle = `${name}.test`;
      const password = `${name}-password`;
      await agent.createAccount({ handle, email: `${name}@example.test`, password });
      const app = await agent.com.atproto.server.createAppPassword({ name: 'microblog' });
      return { did: agent.session?.did ?? '', handle, password, appPassword: app.data.password };
    },
    async stopPds() {
      running = false;
      await inner.pds.close();
    },
    async startPds() {
      inner.pds = await TestPds.create({ didPlcUrl: inner.plc.url, port, ...config });
      running = true;
    },
    async close() {
      if (running) await inner.close();
      else await inner.plc.close();
      fs.rmSync(data, { recursive: true, force: true });
    },
  };
}
