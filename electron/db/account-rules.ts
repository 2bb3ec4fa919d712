/** Rules for linked accounts that the window checks too: pure functions, so the renderer may use them. */
import { say } from './sentences';

/** The one sentence for a PDS address that is not http(s), or null when it is one. */
export function pdsUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return say('accounts.errors.serverAddressInvalid');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return say('accounts.errors.serverAddressScheme');
  if (url.username || url.password) return say('accounts.errors.serverAddressCredentials');
  return null;
}
