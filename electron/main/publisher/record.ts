import { AppBskyFeedPost, RichText } from '@atproto/api';
import type { SentenceRef } from '../../db/sentences';

export const POST_COLLECTION = 'app.bsky.feed.post';

/** The link and tag features the publisher keeps: a local @username names no network account. */
const KEPT_FEATURES = new Set(['app.bsky.richtext.facet#link', 'app.bsky.richtext.facet#tag']);

/**
 * A post as an `app.bsky.feed.post` record: links and #tags become facets, counted by the
 * library's RichText (UTF-8 byte offsets), and the result is checked against the lexicon.
 */
export function postRecord(
  body: string,
  createdAt: string,
): { ok: true; record: AppBskyFeedPost.Record } | { ok: false; reason: SentenceRef } {
  const text = new RichText({ text: body });
  text.detectFacetsWithoutResolution();
  const facets = (text.facets ?? []).filter((facet) =>
    facet.features.every((feature) => KEPT_FEATURES.has(String(feature.$type))),
  );
  const record: AppBskyFeedPost.Record = {
    $type: POST_COLLECTION,
    text: text.text,
    createdAt,
    ...(facets.length > 0 ? { facets } : {}),
  };
  const checked = AppBskyFeedPost.validateRecord(record);
  if (!checked.success) return { ok: false, reason: { key: 'publishing.cannotPublish' } };
  return { ok: true, record };
}
