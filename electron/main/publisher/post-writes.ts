import type { AppBskyFeedPost, AtpAgent } from '@atproto/api';
import { POST_COLLECTION } from './record';

/** putRecord with the post's own key: sent twice (a lost answer, a crash), it names the same record. */
export async function putPost(
  agent: AtpAgent,
  did: string,
  rkey: string,
  record: AppBskyFeedPost.Record,
): Promise<string> {
  const res = await agent.com.atproto.repo.putRecord({
    repo: did,
    collection: POST_COLLECTION,
    rkey,
    record,
    validate: true,
  });
  return res.data.cid;
}

/** deleteRecord of a record that is already gone succeeds, so a retried delete is a no-op too. */
export async function deletePost(agent: AtpAgent, did: string, rkey: string): Promise<null> {
  await agent.com.atproto.repo.deleteRecord({ repo: did, collection: POST_COLLECTION, rkey });
  return null;
}

/** One commit for many creates (first attempts only: the publisher retries with putRecord); each cid, '' when missing. */
export async function createPosts(
  agent: AtpAgent,
  did: string,
  writes: { rkey: string; record: AppBskyFeedPost.Record }[],
): Promise<string[]> {
  const res = await agent.com.atproto.repo.applyWrites({
    repo: did,
    validate: true,
    writes: writes.map((w) => ({
      $type: 'com.atproto.repo.applyWrites#create' as const,
      collection: POST_COLLECTION,
      rkey: w.rkey,
      value: w.record,
    })),
  });
  return (res.data.results ?? []).map((r) => ('cid' in r && typeof r.cid === 'string' ? r.cid : ''));
}
