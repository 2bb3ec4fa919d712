/** The UI benchmark's database: the workload's users and posts, one profile active, closed cleanly. */
import { openDatabase } from '../../../electron/db/index';
import { createAppContext } from '../../../electron/main/app-context';
import { seedDatabase } from '../../fixtures/seed';

export interface UiSizes {
  users: number;
  posts: number;
}

/**
 * Seeds `file`, gives the first profile (susan) every tenth post, so there is always one of
 * her own to delete near any place in the timeline, and makes her the active profile.
 */
export async function seedUiDatabase(file: string, sizes: UiSizes): Promise<void> {
  await seedDatabase(file, { users: sizes.users, posts: sizes.posts, body: (i) => `benchmark post ${i}` });
  const db = openDatabase(file);
  db.prepare(`UPDATE posts SET user_id = 1 WHERE id % 10 = 0`).run();
  db.close();
  const context = await createAppContext({ dbPath: file });
  try {
    const result = await context.dispatch('session:activate', { userId: 1 });
    if (!result.ok) throw new Error(result.error.message);
  } finally {
    context.close();
  }
}

/** A started app's answers to the calls that open the first screen, to answer them again from memory. */
export async function rememberAnswers(
  file: string,
  calls: { channel: string; payload: unknown }[],
): Promise<Map<string, unknown>> {
  const context = await createAppContext({ dbPath: file });
  try {
    const answers = new Map<string, unknown>();
    for (const { channel, payload } of calls) {
      answers.set(answerKey(channel, payload), await context.dispatch(channel, payload));
    }
    return answers;
  } finally {
    context.close();
  }
}

/** How a call is looked up among the remembered answers. */
export function answerKey(channel: string, payload: unknown): string {
  return `${channel} ${JSON.stringify(payload)}`;
}
