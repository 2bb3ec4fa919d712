/** What the workload's operations run on: inputs built once from the rules, and the shape of one operation. */
import { oneTo } from './checks';
import type { BenchSide } from './side';
import {
  LOOKUPS,
  type OpKey,
  POSTING_COUNT,
  type PostSpec,
  type Posting,
  type Sizes,
  USER_PAGES,
  type UserSpec,
  bulkPostSpec,
  deepPageDepth,
  randomIds,
  roundRobinAuthor,
  userSpec,
} from './workload';

/** Inputs prepared once, before any timing, and shared by both sides. */
export interface Inputs {
  sizes: Sizes;
  users: UserSpec[];
  bulk: PostSpec[];
  postings: Posting[];
  lookupIds: number[];
  pageUserIds: number[];
  deepDepth: number;
  /** The table names at head, read from a freshly migrated file before the cycle. */
  headTables: string[];
}

/** Builds every input from the workload's rules. */
export function prepareInputs(sizes: Sizes, headTables: string[]): Inputs {
  return {
    sizes,
    users: oneTo(sizes.users).map(userSpec),
    bulk: oneTo(sizes.posts).map((k) => bulkPostSpec(k, sizes)),
    postings: oneTo(POSTING_COUNT).map((j) => ({
      userId: roundRobinAuthor(j, sizes.users),
      body: `new post ${j}`,
    })),
    lookupIds: randomIds(4, LOOKUPS, sizes.users),
    pageUserIds: randomIds(5, USER_PAGES, sizes.users),
    deepDepth: deepPageDepth(sizes),
    headTables,
  };
}

/** One workload operation: its size, its timed loop on a side, and its untimed check. */
export interface Operation {
  key: OpKey;
  n: number;
  /** Untimed preparation (the deep page's cursor); its result goes to `run`. */
  prepare?(side: BenchSide): unknown;
  run(side: BenchSide, prepared: unknown): unknown;
  check(side: BenchSide, result: unknown): void;
}
