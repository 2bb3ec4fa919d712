import { AtpAgent } from '@atproto/api';
import { POST_COLLECTION } from '../../electron/main/publisher/record';

/** Every post record in a repository, as text by record key, read anonymously from the PDS. */
export async function repository(pdsUrl: string, did: string): Promise<Map<string, string>> {
  const agent = new AtpAgent({ service: pdsUrl });
  const found = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const page = await agent.com.atproto.repo.listRecords({
      repo: did,
      collection: POST_COLLECTION,
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    for (const r of page.data.records)
      found.set(r.uri.split('/').at(-1) ?? '', String((r.value as { text: string }).text));
    cursor = page.data.records.length > 0 ? page.data.cursor : undefined;
  } while (cursor);
  return found;
}
