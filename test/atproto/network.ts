/** The test network as the tests use it: its own process (serve-network.ts), and accounts made over HTTP. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { AtpAgent } from '@atproto/api';
import { watch } from '../fixtures/processes';

// Plain Node (which strips the types itself): under tsx, loading the servers takes many times longer.
const SERVER = fileURLToPath(new URL('serve-network.ts', import.meta.url));

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
  /** The mock PLC directory, which holds the accounts' DID documents. */
  plcUrl: string;
  /** Makes an account and an app password for it. */
  createAccount(name: string): Promise<TestAccount>;
  /** The account's own client, signed in with its main password. */
  agentFor(account: TestAccount): Promise<AtpAgent>;
  /** Stops the PDS (the PLC stays up), as when the server or the way to it is down. */
  stopPds(): Promise<void>;
  /** Starts the PDS again at the same address with the same data. */
  startPds(): Promise<void>;
  close(): Promise<void>;
}

/** Starts a PDS and a mock PLC in a child process and waits until they answer. */
export async function startNetwork(): Promise<Network> {
  const server = watch(spawn(process.execPath, [SERVER], { stdio: ['ignore', 'pipe', 'pipe'] }));
  const ready = await server.waitForLine((line) => line.startsWith('ready '), 60_000);
  const { pdsUrl, plcUrl } = JSON.parse(ready.slice('ready '.length)) as { pdsUrl: string; plcUrl: string };
  const signal = async (name: NodeJS.Signals, answer: string) => {
    const seen = server.lines.filter((line) => line === answer).length;
    server.child.kill(name);
    await server.waitForLine(() => server.lines.filter((line) => line === answer).length > seen, 30_000);
  };
  return {
    pdsUrl,
    plcUrl,
    async createAccount(name) {
      const agent = new AtpAgent({ service: pdsUrl });
      const handle = `${name}.test`;
      const password = `${name}-password`;
      await agent.createAccount({ handle, email: `${name}@example.test`, password });
      const app = await agent.com.atproto.server.createAppPassword({ name: 'microblog' });
      return { did: agent.session?.did ?? '', handle, password, appPassword: app.data.password };
    },
    async agentFor(account) {
      const agent = new AtpAgent({ service: pdsUrl });
      await agent.login({ identifier: account.handle, password: account.password });
      return agent;
    },
    stopPds: () => signal('SIGUSR1', 'stopped'),
    startPds: () => signal('SIGUSR2', 'started'),
    async close() {
      server.child.kill('SIGTERM');
      await server.exited;
    },
  };
}
