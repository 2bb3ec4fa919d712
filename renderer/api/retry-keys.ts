import { useRef } from 'react';

/**
 * One request key per item (a post id) until its write succeeds: a retry after a failure that
 * did reach main sends the same key, so main answers with the first outcome instead of doing
 * the write twice or saying "That post no longer exists".
 */
export function useRetryKeys() {
  const keys = useRef(new Map<number, string>());
  return {
    /** The key for this item's write, made on its first try. */
    keyFor(id: number): string {
      const key = keys.current.get(id) ?? crypto.randomUUID();
      keys.current.set(id, key);
      return key;
    },
    /** Forgets the key once the write succeeded: the next write of the item is a new one. */
    done(id: number): void {
      keys.current.delete(id);
    },
  };
}
