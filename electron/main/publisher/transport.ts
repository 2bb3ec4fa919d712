import { AtpAgent, type AtpSessionData } from '@atproto/api';
import type { AccountRepository, LinkedAccount } from '../../db/accounts';
import { MicroblogError } from '../../db/errors';
import { type SentenceRef, say } from '../../db/sentences';
import { type DiscoveryOptions, createPdsDiscovery, normalIdentifier } from './discovery';
import { classifyFailure, type SendOutcome, signInProblem } from './outcome';
import { profileProblem } from './profile-record';
import { sendProfile } from './profile-send';
import type { PublishTransport } from './transport-types';
import { createPosts, deletePost, putPost } from './post-writes';
import type { SessionStore } from './sessions';

export interface TransportOptions {
  accounts: AccountRepository;
  sessions: SessionStore;
  /** The fetch every request to a PDS goes through (Electron's net.fetch in the app). */
  fetch?: typeof globalThis.fetch;
  /** How a handle's PDS is found when no server address is entered. */
  discovery?: DiscoveryOptions;
}

const NO_SESSION: SentenceRef = { key: 'accounts.errors.notSignedIn' };

/** AT Protocol over HTTP: one signed-in agent per linked profile, its tokens kept by the session store. */
export function createAtprotoTransport(options: TransportOptions) {
  const { accounts, sessions } = options;
  const agents = new Map<number, AtpAgent>();
  const discoverPds = createPdsDiscovery(options.discovery);

  const newAgent = (userId: number, service: string, keep: () => boolean) =>
    new AtpAgent({
      service,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      persistSession: (event, session) => {
        if (!keep()) return;
        if ((event === 'create' || event === 'update') && session) sessions.save(userId, session);
        if (event === 'expired') {
          sessions.remove(userId);
          agents.delete(userId);
        }
      },
    });

  async function agentFor(account: LinkedAccount): Promise<AtpAgent | SendOutcome> {
    const known = agents.get(account.userId);
    if (known) return known;
    const session: AtpSessionData | null = sessions.load(account.userId);
    if (!session || session.did !== account.did) return { kind: 'signed-out', reason: NO_SESSION };
    const agent = newAgent(account.userId, account.pdsUrl, () => true);
    try {
      await agent.resumeSession(session);
    } catch (error) {
      return classifyFailure(error);
    }
    agents.set(account.userId, agent);
    return agent;
  }

  type Failure = Exclude<SendOutcome, { kind: 'done' }>;
  type Send<T> = (agent: AtpAgent, did: string) => Promise<T>;

  async function attempt<T>(
    userId: number,
    agent: AtpAgent,
    did: string,
    send: Send<T>,
  ): Promise<{ value: T } | Failure> {
    try {
      return { value: await send(agent, did) };
    } catch (error) {
      const outcome = classifyFailure(error) as Failure;
      if (outcome.kind === 'signed-out') agents.delete(userId);
      return outcome;
    }
  }

  /** One write with the profile's agent; an expired token the agent refreshed is retried once. */
  async function write<T>(userId: number, send: Send<T>): Promise<{ value: T } | Failure> {
    const account = accounts.get(userId);
    if (!account) return { kind: 'refused', reason: { key: 'publishing.notLinked' } };
    const agent = await agentFor(account);
    if (!(agent instanceof AtpAgent)) return agent as Failure;
    const refreshToken = agent.session?.refreshJwt;
    const first = await attempt(userId, agent, account.did, send);
    // The agent refreshes an expired token but may leave the retry to its caller (it retries only
    // when the new access token differs, and one issued in the same second can be identical).
    if (
      'kind' in first &&
      first.kind === 'signed-out' &&
      agent.session &&
      agent.session.refreshJwt !== refreshToken
    ) {
      agents.set(userId, agent);
      return attempt(userId, agent, account.did, send);
    }
    return first;
  }

  const single = async (userId: number, send: Send<string | null>): Promise<SendOutcome> => {
    const result = await write(userId, send);
    return 'value' in result ? { kind: 'done', cid: result.value } : result;
  };

  const transport: PublishTransport = {
    put: (userId, rkey, record) => single(userId, (agent, did) => putPost(agent, did, rkey, record)),
    remove: (userId, rkey) => single(userId, (agent, did) => deletePost(agent, did, rkey)),
    profile: async (userId, local) => {
      const problem = profileProblem(local);
      if (problem) return { kind: 'refused', reason: problem };
      const result = await write(userId, (agent) => sendProfile(agent, local));
      const refused = { kind: 'refused', reason: { key: 'publishing.profileRefused' } } as const;
      if (!('value' in result)) return result.kind === 'refused' ? refused : result;
      return result.value === 'invalid' ? refused : { kind: 'done', cid: null };
    },
    // One commit for many creates, first attempts only: the publisher retries with putRecord.
    createMany: async (userId, writes) => {
      const result = await write(userId, (agent, did) => createPosts(agent, did, writes));
      if (!('value' in result)) return result;
      if (result.value.length !== writes.length || result.value.some((cid) => cid === ''))
        return { kind: 'refused', reason: { key: 'publishing.batchAnswer' } };
      return { kind: 'done', cids: result.value };
    },
  };

  return {
    ...transport,

    /**
     * Signs in with a handle (or DID) and an app password, then links the profile; returns the
     * link. An entered server address is used as it is (a self-hosted PDS); without one, the PDS
     * is found from the handle.
     */
    async signIn(
      userId: number,
      written: string,
      password: string,
      enteredPdsUrl?: string,
    ): Promise<LinkedAccount> {
      const identifier = normalIdentifier(written);
      const found = enteredPdsUrl === undefined ? await discoverPds(identifier) : null;
      const pdsUrl = enteredPdsUrl ?? found?.pdsUrl ?? '';
      let linked = false;
      const agent = newAgent(userId, pdsUrl, () => linked);
      try {
        await agent.login({ identifier, password });
      } catch (error) {
        throw signInProblem(error, pdsUrl);
      }
      const session = agent.session;
      if (!session) throw signInProblem(null, pdsUrl);
      if (found && session.did !== found.did)
        throw new MicroblogError(
          'INVALID_INPUT',
          say('accounts.errors.otherAccount', { handle: identifier }),
        );
      const account = accounts.link({ userId, did: session.did, handle: session.handle, pdsUrl });
      linked = true;
      sessions.save(userId, session);
      agents.set(userId, agent);
      return account;
    },

    /** The profile's signed-in agent, for reading its repository back. */
    async agent(userId: number): Promise<AtpAgent> {
      const account = accounts.get(userId);
      const agent = account ? await agentFor(account) : null;
      if (!(agent instanceof AtpAgent)) throw new MicroblogError('FORBIDDEN', say(NO_SESSION.key));
      return agent;
    },

    /** Forgets the profile's session (after unlinking). */
    forget(userId: number): void {
      agents.delete(userId);
      sessions.remove(userId);
    },
  };
}

export type AtprotoTransport = ReturnType<typeof createAtprotoTransport>;
