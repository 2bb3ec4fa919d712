import { createAccountRepository } from '../../db/accounts';
import type { Db } from '../../db/index';
import { createOutboxRepository } from '../../db/outbox';
import { createRecordImport } from '../../db/record-import';
import { type SentenceRef, say } from '../../db/sentences';
import type { AccountStatus } from '../../ipc/channels/accounts';
import type { Publishing } from '../../ipc/handler-types';
import type { DiscoveryOptions } from './discovery';
import { importOwnPosts } from './import';
import { createPublisher } from './publisher';
import { type Cipher, createSessionStore } from './sessions';
import { createAtprotoTransport } from './transport';

export interface PublishingOptions {
  /** The current connection (after a disk failure the data layer serves a new one). */
  db: () => Db;
  /** Where the encrypted sessions are kept (beside the database). */
  sessionsFolder: string;
  cipher: Cipher;
  fetch?: typeof globalThis.fetch;
  /** Where handles and DIDs are looked up (the PLC directory, the handle resolver). */
  discovery?: DiscoveryOptions;
  /** Told when this profile's posts changed publish state, so the window can refresh them. */
  onChange?: (userId: number) => void;
}

/** The sign-in sentence in English and by its catalog key, for the window to say in its language. */
function signInSentence(ref: SentenceRef | null): Pick<AccountStatus, 'signInNeeded' | 'signInSentence'> {
  return ref ? { signInNeeded: say(ref.key, ref.params), signInSentence: ref } : { signInNeeded: null };
}

/** Publishing as the IPC handlers see it, with the publisher running behind it in main. */
export function createPublishing(
  options: PublishingOptions,
): Publishing & { wake(): void; reconnected(): void; stop(): Promise<void> } {
  const db = options.db();
  const accounts = createAccountRepository(db);
  const outbox = createOutboxRepository(db);
  const records = createRecordImport(db);
  const sessions = createSessionStore(options.sessionsFolder, options.cipher);
  const transport = createAtprotoTransport({
    accounts,
    sessions,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.discovery ? { discovery: options.discovery } : {}),
  });
  const publisher = createPublisher({
    outbox,
    accounts,
    transport,
    onChange: (userId) => options.onChange?.(userId),
    log: (message, error) => console.error(`Publishing: ${message}`, error),
  });

  const status = (userId: number): AccountStatus => {
    const link = accounts.get(userId);
    const profileFailure = outbox.profileFailure(userId);
    return {
      linked: link && { did: link.did, handle: link.handle, pdsUrl: link.pdsUrl },
      pending: outbox.pending(userId),
      earlier: link ? outbox.earlierCount(userId) : 0,
      ...signInSentence(link ? publisher.signInNeeded(userId) : null),
      ...(profileFailure && { profileFailure }),
    };
  };

  return {
    status,
    async signIn(userId, identifier, appPassword, pdsUrl) {
      await transport.signIn(userId, identifier, appPassword, pdsUrl);
      void publisher.signedIn(userId);
      return status(userId);
    },
    unlink(userId) {
      accounts.unlink(userId);
      transport.forget(userId);
      return status(userId);
    },
    publishEarlier(userId) {
      const queued = outbox.publishEarlier(userId);
      void publisher.wake();
      return { queued };
    },
    retry(userId, postId) {
      const retried = outbox.retry(userId, postId);
      if (retried) void publisher.wake();
      return { retried };
    },
    states(postIds) {
      return [...outbox.states(postIds)].map(([postId, state]) => ({ postId, state }));
    },
    async importOwn(userId) {
      const did = accounts.get(userId)?.did;
      const agent = await transport.agent(userId);
      return importOwnPosts(agent, did ?? '', userId, records);
    },
    wake: () => void publisher.wake(),
    reconnected: () => void publisher.reconnected(),
    stop: () => publisher.stop(),
  };
}
