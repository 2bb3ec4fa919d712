import { type SentenceRef, say } from './sentences';

/** How a post stands against its profile's repository, as the post shows it. */
export type PublishState =
  | { state: 'local' }
  | { state: 'queued'; attempts: number }
  | { state: 'published'; did: string; rkey: string }
  /** `reason` in English; `sentence` names its catalog key, so the window says it in its language. */
  | { state: 'failed'; reason: string; sentence?: SentenceRef };

/** A stored failure (a catalog key and its values, as JSON) as the sentence a post shows. */
export function failureOf(stored: string): { reason: string; sentence?: SentenceRef } {
  try {
    const ref = JSON.parse(stored) as SentenceRef;
    return { reason: say(ref.key, ref.params), sentence: ref };
  } catch {
    // Not a key this version knows: the text as it was stored.
    return { reason: stored };
  }
}
