import type { AppBskyFeedPost } from '@atproto/api';
import type { LocalProfile } from '../../db/outbox';
import type { SendOutcome } from './outcome';

/** How the publisher reaches a profile's repository; the real one is AT Protocol over HTTP, tests pass a fake. */
export interface PublishTransport {
  put(userId: number, rkey: string, record: AppBskyFeedPost.Record): Promise<SendOutcome>;
  remove(userId: number, rkey: string): Promise<SendOutcome>;
  /** Puts the profile record (`self`) with the profile's name, about me and picture. */
  profile(userId: number, local: LocalProfile): Promise<SendOutcome>;
  /** Creates several records in one commit (all or none); a batch that fails is sent again one write at a time. */
  createMany?(
    userId: number,
    writes: { rkey: string; record: AppBskyFeedPost.Record }[],
  ): Promise<BatchOutcome>;
}

/** A batch's outcome: each record's cid, in order, or what stopped the whole batch. */
export type BatchOutcome = { kind: 'done'; cids: string[] } | Exclude<SendOutcome, { kind: 'done' }>;
