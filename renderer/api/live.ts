import { useQueryClient } from '@tanstack/react-query';
import { useAppEvent } from './data';

/**
 * When another process commits to the file (the shell, the seed tool, a second window, an
 * import), main says so and the screens on show fetch again. Drafts are left alone: the
 * composer's text is the user's, and a refetch must never overwrite what they are typing.
 * TanStack Query keeps the old data until the new arrives, so nothing jumps or empties.
 */
export function useLiveUpdates(): void {
  const client = useQueryClient();
  useAppEvent('db:changed', () => {
    void client.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'drafts' });
  });
}
