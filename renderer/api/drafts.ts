import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { microblog, unwrap } from './client';
import { keys } from './keys';

/** The profile's unfinished post, as saved in the database. */
export function useDraft(userId: number) {
  return useQuery({
    queryKey: keys.draft(userId),
    queryFn: () => unwrap(microblog().drafts.get({ userId })),
    // The composer owns the text once loaded; refetching would overwrite what is being typed.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/**
 * Saves (or, when empty, clears) the draft, and keeps the cached copy in step: the composer
 * shows the cache when it comes back, so a stale copy would bring old text back.
 */
export function useSaveDraft(userId: number) {
  const client = useQueryClient();
  return useCallback(
    async (body: string) => {
      // Each save its own key: a late retry of an older save can never overwrite newer text.
      const saved = await unwrap(microblog().drafts.save({ userId, body, key: crypto.randomUUID() }));
      client.setQueryData(keys.draft(userId), saved);
      return saved;
    },
    [client, userId],
  );
}
