import { useQuery } from '@tanstack/react-query';
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

/** Saves (or, when empty, clears) the draft. */
export function saveDraft(userId: number, body: string) {
  return unwrap(microblog().drafts.save({ userId, body }));
}
