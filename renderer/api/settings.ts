import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AppSettings, Language, Theme } from '../../electron/ipc/contract';
import { microblog, unwrap } from './client';
import { keys } from './keys';

/** The app-wide language and theme choices, and the OS locale a null language follows. */
export function useSettings() {
  return useQuery({ queryKey: keys.settings, queryFn: () => unwrap(microblog().settings.get({})) });
}

type SettingsChange = { language?: Language | null; theme?: Theme };

/**
 * Changes the language and/or the theme. The choice shows at once (a radio button must not
 * spring back while main writes it); main's answer then replaces the cache, and a failure puts
 * the previous settings back. Only the settings change: no list or page depends on them.
 */
export function useSaveSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SettingsChange) => unwrap(microblog().settings.set(input)),
    onMutate: (input: SettingsChange) => {
      const before = client.getQueryData<AppSettings>(keys.settings);
      if (before) client.setQueryData(keys.settings, { ...before, ...input });
      return { before };
    },
    onError: (_error, _input, context) => {
      if (context?.before) client.setQueryData(keys.settings, context.before);
    },
    onSuccess: (settings: AppSettings) => client.setQueryData(keys.settings, settings),
  });
}
