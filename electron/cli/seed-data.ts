/** Plausible fake people and posts for `npm run seed`, from a seeded generator so runs repeat. */
import { BODY_MAX, countCodePoints } from '../db/rules';

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same users every run. */
export function randomGenerator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = (
  'ada alan anna ben carla chen david elena emma farah george hana ivan jade john kai lena ' +
  'liam maria mei miguel nina noah olga omar priya quinn rosa sam sara susan tariq uma victor wei yara zoe'
).split(' ');
const LAST = (
  'adams baker chen diaz evans fischer garcia haddad ito jensen khan lopez martin nguyen ' +
  'okafor patel quist rossi silva smith tanaka unger varga walsh xu yilmaz zhang'
).split(' ');
const DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.example', 'inbox.example'];

export interface SeedUser {
  username: string;
  email: string;
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

/**
 * The first `count` seed users. Deterministic and prefix-stable: the first 10 of 1000 are
 * the 10 that `--users 10` makes, which is how a second run recognises the users of the first.
 */
export function seedUsers(count: number): SeedUser[] {
  const random = randomGenerator(20_260_101);
  const taken = new Set<string>();
  const users: SeedUser[] = [];
  for (let i = 0; users.length < count; i++) {
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    const styles = [
      `${first}`,
      `${first}.${last}`,
      `${first}_${last}`,
      `${first.charAt(0)}${last}`,
      `${first}${last}`,
    ];
    let username = pick(random, styles);
    const number = Math.floor(random() * 100);
    if (taken.has(username)) username = `${username}${number}`;
    if (taken.has(username)) username = `${username}_${i}`;
    taken.add(username);
    users.push({ username, email: `${username}@${pick(random, DOMAINS)}` });
  }
  return users;
}

const OPENERS = [
  'Just finished',
  'Thinking about',
  'Finally tried',
  'Can anyone recommend',
  'Loving',
  'Back from',
  'Reading about',
  'Started learning',
  'Quick note on',
  'Today I fixed',
  'Still not sure about',
  'Enjoying',
];
const SUBJECTS = [
  'a long walk by the river',
  'the new coffee place downtown',
  'SQLite window functions',
  'my sourdough starter',
  'a book on the history of maps',
  'the rain this morning',
  'an old bug in the build script',
  'the farmers market',
  'TypeScript generics',
  'a tiny desktop app',
  'my first 10k run',
  'the jazz record I found',
  'night trains',
  'a bike repair',
  'tea instead of coffee',
  'keyboard shortcuts',
  'the city library',
  'a board game night',
];
const ENDINGS = [
  '.',
  '!',
  '…',
  ' and it was worth it.',
  ', highly recommended.',
  '. More soon.',
  '? Thoughts welcome.',
  '. 10/10 would do again.',
  ' 🙂',
  ' ☕',
  ' 🚲',
  ' 📚',
  ' ✨',
  '. Not bad for a Monday.',
  ', again.',
];
const TAGS = ['#til', '#weekend', '#coding', '#books', '#food', '#running', '#music', '#offline'];

/** A post body of 1..140 code points, built from phrases (sometimes with an emoji or a tag). */
export function seedBody(random: () => number): string {
  let body = `${pick(random, OPENERS)} ${pick(random, SUBJECTS)}${pick(random, ENDINGS)}`;
  if (random() < 0.3) body += ` Also: ${pick(random, SUBJECTS)}${pick(random, ENDINGS)}`;
  if (random() < 0.25) body += ` ${pick(random, TAGS)}`;
  // Cut at a code point boundary, never inside an emoji's surrogate pair.
  return countCodePoints(body) <= BODY_MAX ? body : Array.from(body).slice(0, BODY_MAX).join('').trim();
}

/** A UTC time within the last `days` days, as the schema stores it. */
export function pastTimestamp(random: () => number, now: number, days = 730): string {
  return new Date(now - Math.floor(random() * days * 86_400_000)).toISOString();
}
