/** The named CHECKs of the AT Protocol tables (migration 0011), mapped to what went wrong. */
import type { CheckError } from './profile-checks';
import { say } from './sentences';

const invalid = (message: string, field: string): CheckError => ({ code: 'INVALID_INPUT', message, field });

/** Constraint name → the error a violation becomes; merged into errors.ts's table. */
export const ACCOUNT_CHECKS: Record<string, CheckError> = {
  account_did_shape: invalid(say('accounts.errors.didShape'), 'identifier'),
  account_handle_length: invalid(say('accounts.errors.handleShape'), 'identifier'),
  account_pds_url_scheme: invalid(say('accounts.errors.serverAddressScheme'), 'pdsUrl'),
  post_record_rkey_tid: invalid(say('publishing.recordKey'), 'rkey'),
  post_record_cid_length: invalid(say('publishing.serverAnswer'), 'cid'),
  outbox_op: invalid(say('publishing.outboxEntry'), 'op'),
  outbox_create_names_post: invalid(say('publishing.outboxEntry'), 'postId'),
  outbox_failure_length: invalid(say('publishing.serverAnswer'), 'failure'),
};
