import { DidResolver, HandleResolver, getPds } from '@atproto/identity';
import { pdsUrlProblem } from '../../db/account-rules';
import { MicroblogError } from '../../db/errors';
import { say } from '../../db/sentences';

/** Where the protocol's identity lookups go; the app takes the defaults, the tests point them at loopback. */
export interface DiscoveryOptions {
  /** The PLC directory that holds did:plc documents (https://plc.directory by default). */
  plcUrl?: string;
  /** Turns a handle into a DID (DNS TXT `_atproto.<handle>`, then HTTPS `/.well-known/atproto-did`). */
  handleResolver?: Pick<HandleResolver, 'resolve'>;
  /** The fetch for DID documents and the HTTPS handle method; by default the library's own, guarded one. */
  fetch?: typeof globalThis.fetch;
  /** How long each lookup may take. */
  timeoutMs?: number;
}

/** The account a handle or DID names, and the PDS its DID document says it lives on. */
export interface FoundAccount {
  did: string;
  pdsUrl: string;
}

/** A handle as people write it (a leading @ and upper case mean nothing) as the protocol spells it; a DID as it is. */
export function normalIdentifier(identifier: string): string {
  return identifier.startsWith('did:') ? identifier : identifier.replace(/^@/, '').toLowerCase();
}

/**
 * Finds an account's PDS as the protocol specifies: handle → DID (DNS or HTTPS), DID → DID
 * document (did:plc from the PLC directory, did:web from its own host), then the document's
 * `#atproto_pds` service endpoint. Only an http(s) endpoint is accepted.
 */
export function createPdsDiscovery(options: DiscoveryOptions = {}) {
  const timeout = options.timeoutMs ?? 5_000;
  const fetch = options.fetch && { fetch: options.fetch };
  const handles = options.handleResolver ?? new HandleResolver({ timeout, ...fetch });
  const dids = new DidResolver({
    timeout,
    ...(options.plcUrl !== undefined && { plcUrl: options.plcUrl }),
    ...fetch,
  });

  return async function discoverPds(identifier: string): Promise<FoundAccount> {
    const name = normalIdentifier(identifier);
    const notFound = () =>
      new MicroblogError(
        'INVALID_INPUT',
        say('accounts.errors.handleNotFound', { handle: name }),
        'identifier',
      );
    let did: string | undefined = name;
    let pds: string | undefined;
    try {
      if (!name.startsWith('did:')) did = await handles.resolve(name);
      const doc = did === undefined ? null : await dids.resolve(did);
      if (!doc) throw notFound();
      pds = getPds(doc);
    } catch (error) {
      // Network failures, malformed documents and unknown DID methods all mean the same to the
      // user: this name leads to no account Microblog can find.
      if (error instanceof MicroblogError) throw error;
      throw notFound();
    }
    if (did === undefined || pds === undefined || pdsUrlProblem(pds) !== null)
      throw new MicroblogError('INVALID_INPUT', say('accounts.errors.noServer', { handle: name }), 'pdsUrl');
    return { did, pdsUrl: pds };
  };
}

export type PdsDiscovery = ReturnType<typeof createPdsDiscovery>;
