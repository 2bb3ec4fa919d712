/**
 * A database where maya is linked to an account and has a post in every publish state, written
 * through the real repositories (the outbox's triggers give each new post its record key and
 * queue it): one from before the link (only on this computer), one waiting, one waiting after
 * two tries, one published (its record has a cid) and one the server refused. jonas is not
 * linked. Used by the e2e test and the screenshots.
 */
import { createAccountRepository } from '../../electron/db/accounts';
import { createRepositories } from '../../electron/db/index';
import { createOutboxRepository } from '../../electron/db/outbox';
import { createAppContext } from '../../electron/main/app-context';
import { say } from '../../electron/db/sentences';

export const MAYA_DID = 'did:plc:maya2vbdtybvxiwkkhqnwfau';
/** A refusal as the publisher stores it (a catalog key), and the sentence the post then shows. */
export const REFUSAL_REF = { key: 'publishing.tooLarge' };
export const REFUSAL = say(REFUSAL_REF.key);

const MINUTE = 60_000;

export interface PublishStatePosts {
  mayaId: number;
  local: number;
  queued: number;
  retried: number;
  published: number;
  failed: number;
  unlinked: number;
}

/** Seeds `dbPath` (created and migrated if needed); returns the post ids by state. */
export async function seedPublishStates(dbPath: string): Promise<PublishStatePosts> {
  // No publishing in this context: nothing is sent while the rows are put in place.
  const context = await createAppContext({ dbPath });
  try {
    const { db } = context;
    const { users, posts } = createRepositories(db);
    const outbox = createOutboxRepository(db);
    const maya = users.create({ username: 'maya', email: 'maya@example.org' });
    const jonas = users.create({ username: 'jonas', email: 'jonas@example.org' });
    const now = Date.now();
    const at = (minutesAgo: number) => new Date(now - minutesAgo * MINUTE).toISOString();
    const write = (userId: number, body: string, minutesAgo: number) =>
      posts.create({ userId, body, timestamp: at(minutesAgo) }).id;
    const entryOf = (postId: number) => {
      const entry = outbox.due(maya.id, Number.MAX_SAFE_INTEGER, 1000).find((e) => e.postId === postId);
      if (!entry) throw new Error(`post ${postId} was not queued`);
      return entry;
    };

    const local = write(
      maya.id,
      'Written long before this profile had an account: it stays on this computer.',
      90,
    );
    createAccountRepository(db).link(
      // A port nothing listens on: even a real fetch finds no server.
      { userId: maya.id, did: MAYA_DID, handle: 'maya.bsky.social', pdsUrl: 'http://127.0.0.1:9' },
      new Date(now - 60 * MINUTE),
    );
    const unlinked = write(
      jonas.id,
      'jonas has no account linked: his posts say nothing about publishing.',
      50,
    );
    const published = write(
      maya.id,
      'Morning walk along the river. The fog is only now lifting off the water.',
      40,
    );
    outbox.published(entryOf(published), 'bafyreib2rxk3rkhh5ylyxj3x3gathxt3s32qvwj2lhn4tgzqyhtqzr6bcm');
    const failed = write(
      maya.id,
      'Reading list for the weekend: A Pattern Language, The Design of Everyday Things',
      30,
    );
    outbox.refused(entryOf(failed).id, REFUSAL_REF);
    const retried = write(
      maya.id,
      'Tea, a quiet desk and 140 characters. That is the whole plan for this afternoon ☕',
      20,
    );
    // Two tries that found no server: the next one is due in an hour.
    db.prepare(`UPDATE outbox SET attempts = 2, due_at = ? WHERE post_id = ?`).run(
      now + 60 * MINUTE,
      retried,
    );
    const queued = write(maya.id, 'Written on the train, offline: it goes out when the network is back.', 3);
    return { mayaId: maya.id, local, queued, retried, published, failed, unlinked };
  } finally {
    context.close();
  }
}
