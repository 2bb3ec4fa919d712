import { describe, expect, it } from 'vitest';
import { createPdsDiscovery } from '../../electron/main/publisher/discovery';

const DID = 'did:plc:ewvi7nxzyoun6zhxrhs64oiz';

/** A PLC directory that serves one DID document whose PDS is `endpoint`. */
function plcServing(endpoint: string): typeof globalThis.fetch {
  const doc = {
    '@context': ['https://www.w3.org/ns/did/v1'],
    id: DID,
    alsoKnownAs: ['at://ann.example.org'],
    service: [{ id: '#atproto_pds', type: 'AtprotoPersonalDataServer', serviceEndpoint: endpoint }],
  };
  return (input) =>
    Promise.resolve(
      String(input instanceof Request ? input.url : input) === `https://plc.test/${encodeURIComponent(DID)}`
        ? Response.json(doc)
        : new Response('not found', { status: 404 }),
    );
}

const discover = (endpoint: string) =>
  createPdsDiscovery({
    plcUrl: 'https://plc.test',
    fetch: plcServing(endpoint),
    handleResolver: { resolve: (handle) => Promise.resolve(handle === 'ann.example.org' ? DID : undefined) },
  });

describe('PDS discovery', () => {
  it('follows the handle to its DID document and takes its #atproto_pds endpoint', async () => {
    expect(await discover('https://pds.example.org')('@Ann.Example.org')).toEqual({
      did: DID,
      pdsUrl: 'https://pds.example.org',
    });
  });

  it('accepts only an http(s) endpoint, with one sentence otherwise', async () => {
    for (const endpoint of ['ftp://pds.example.org', 'javascript:alert(1)', 'https://me:pw@pds.example.org'])
      await expect(discover(endpoint)('ann.example.org')).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        field: 'pdsUrl',
        message:
          'ann.example.org names no server to sign in at that Microblog can use. Enter your server’s address.',
      });
  });

  it('a handle or DID that leads nowhere gets the not-found sentence', async () => {
    const find = discover('https://pds.example.org');
    await expect(find('bob.example.org')).rejects.toMatchObject({ field: 'identifier' });
    await expect(find('did:plc:unknownunknownunknownun')).rejects.toMatchObject({ field: 'identifier' });
    await expect(find('did:example:123')).rejects.toMatchObject({ field: 'identifier' });
  });
});
