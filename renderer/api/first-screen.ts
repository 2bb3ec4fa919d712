import { useQuery, useQueryClient } from '@tanstack/react-query';
import { microblog, unwrap } from './client';
import type { FeedData } from './feed-cache';
import { keys } from './keys';
import { PAGE_SIZE, timelineSource } from './posts';
import type { TimelinePost } from '../../electron/ipc/contract';

/**
 * Everything the first screen shows, in one IPC call: the session, whether any profile
 * exists, the timeline's first page and the active profile's draft. Each part goes into the
 * cache under the key its own hook reads, so the screens render at once without asking again.
 */
export function useFirstScreen() {
  const client = useQueryClient();
  return useQuery({
    queryKey: keys.firstScreen,
    queryFn: async () => {
      const first = await unwrap(microblog().app.firstScreen({ limit: PAGE_SIZE }));
      client.setQueryData(keys.session, first.session);
      const timeline = timelineSource(null);
      client.setQueryData<FeedData<TimelinePost>>(timeline.queryKey, {
        pages: [first.timeline],
        pageParams: [timeline.start],
      });
      const active = first.session.activeUser;
      // A locked profile's draft is not sent; the composer asks for it once the profile is unlocked.
      if (active && !first.session.locked) client.setQueryData(keys.draft(active.id), first.draft);
      return { hasProfiles: first.hasProfiles };
    },
    // Read once per start; later changes come through the session and feeds it filled.
    staleTime: Infinity,
  });
}
