/** Databases with many profiles for the profile scenarios and screenshots, seeded through the real repositories. */
import { createRepositories } from '../../electron/db/index';
import { createAppContext } from '../../electron/main/app-context';

/** The seeded usernames: `name(1)` is `user0001`. */
export const seededName = (i: number): string => `user${String(i).padStart(4, '0')}`;

/** Creates `count` profiles (user0001…), the first `withPosts` of them with one post each. */
export async function seedProfiles(dbPath: string, count: number, withPosts = 0): Promise<void> {
  const context = await createAppContext({ dbPath });
  try {
    const repos = createRepositories(context.db);
    context.db.transaction(() => {
      for (let i = 1; i <= count; i++) {
        const user = repos.users.create({
          username: seededName(i),
          displayName: i % 3 === 0 ? `Person ${i}` : null,
        });
        if (i <= withPosts) repos.posts.create({ userId: user.id, body: `Hello from ${seededName(i)}` });
      }
    })();
  } finally {
    context.close();
  }
}
