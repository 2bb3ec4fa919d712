import { AppBskyFeedPost, type AtpAgent } from '@atproto/api';
import type { RecordImport } from '../../db/record-import';
import { POST_COLLECTION } from './record';

/** How an import went, for the sentence the user sees. */
export interface ImportSummary {
  added: number;
  known: number;
  skipped: number;
}

/**
 * Reads the account's own posts from its repository, 100 at a time, and adds those not here
 * yet. Each record is checked against the lexicon before it reaches SQLite; one that fails is
 * counted as skipped, never stored.
 */
export async function importOwnPosts(
  agent: AtpAgent,
  did: string,
  userId: number,
  into: RecordImport,
): Promise<ImportSummary> {
  const summary: ImportSummary = { added: 0, known: 0, skipped: 0 };
  let cursor: string | undefined;
  do {
    const page = await agent.com.atproto.repo.listRecords({
      repo: did,
      collection: POST_COLLECTION,
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    for (const item of page.data.records) {
      const rkey = item.uri.split('/').at(-1) ?? '';
      const checked = AppBskyFeedPost.validateRecord(item.value);
      const value = item.value as Partial<AppBskyFeedPost.Record>;
      if (
        !checked.success ||
        !item.uri.startsWith(`at://${did}/${POST_COLLECTION}/`) ||
        typeof value.text !== 'string' ||
        typeof value.createdAt !== 'string'
      ) {
        summary.skipped++;
        continue;
      }
      summary[
        into.importPost(userId, { rkey, cid: item.cid, text: value.text, createdAt: value.createdAt })
      ]++;
    }
    cursor = page.data.records.length > 0 ? page.data.cursor : undefined;
  } while (cursor);
  return summary;
}
