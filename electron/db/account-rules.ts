/** Rules for linked accounts that the window checks too; this module imports nothing, so the renderer may use it. */

/** The one sentence for a PDS address that is not http(s), or null when it is one. */
export function pdsUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'That is not a server address (it starts with https://).';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return 'A server address starts with https:// (or http:// for one on this computer).';
  if (url.username || url.password) return 'A server address carries no user name or password.';
  return null;
}
