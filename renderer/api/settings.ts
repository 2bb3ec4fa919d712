import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AppSettings, Language, Theme } from '../../electron/ipc/contract';
import { microblog, unwrap } from './client';
import { keys } from './keys';

/** The app-wide language and theme choices, and the OS locale a null language follows. */
export function useSettings() {
  return useQuery({ queryKey: keys.settings, queryFn: () => unwrap(microblog().settings.get({})) });
}

/** Changes the language and/or the theme; main answers with every setting, which replaces the cache. */
export function useSaveSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { language?: Language | null; theme?: Theme }) =>
      unwrap(microblog().settings.set(input)),
    // Only the settings change: no list or page depends on them.
    onSuccess: (settings: AppSettings) => client.setQueryData(keys.settings, settings),
  });
}
