import type { OpenAIAdmin } from './admin-client.ts';
import { ApiError } from './errors.ts';
import type { Inventory, KeyRecord, ProjectKeyRecord, RevokeOutcome } from './types.ts';
import { count } from '../text/count.ts';

/** Revokes one found key: the narrow interface leak response uses, so tests can keep state in memory. */
export interface KeyRevoker {
  /** `record` is the one the key was proven to be (see proof.ts), never a match on visible characters. */
  revoke(secret: string, record: KeyRecord, options: { dryRun: boolean }): Promise<RevokeOutcome>;
}

const gone = (e: unknown) => e instanceof ApiError && e.status === 404;

/**
 * Revocation through the admin API, by the kind of record the key matched:
 *  - a user's project key: delete the project key;
 *  - a service account's key: delete the key; where the API refuses that (it answered 400 in its
 *    2026-08 description), delete the service account, but only when it holds no other key;
 *  - an admin key: delete it, never the admin key doing the revoking.
 * A 404 means the key is already gone, which is the goal.
 */
export class OpenAIRevoker implements KeyRevoker {
  readonly #admin: OpenAIAdmin;
  readonly #inventory: Inventory;

  constructor(admin: OpenAIAdmin, inventory: Inventory) {
    this.#admin = admin;
    this.#inventory = inventory;
  }

  async revoke(secret: string, record: KeyRecord, { dryRun }: { dryRun: boolean }): Promise<RevokeOutcome> {
    try {
      if (record.type === 'admin_key') {
        if (this.#admin.isOwnKey(secret)) return { type: 'refused', reason: 'it is the admin key keyguard is using; rotate it by hand' };
        const action = `delete admin key ${record.id}`;
        if (dryRun) return { type: 'would-revoke', action };
        return await this.#delete(action, () => this.#admin.deleteAdminKey(record.id));
      }
      if (record.owner.type === 'user') {
        const action = `delete project key ${record.id} of ${record.projectId}`;
        if (dryRun) return { type: 'would-revoke', action };
        return await this.#delete(action, () => this.#admin.deleteProjectKey(record.projectId, record.id));
      }
      return await this.#revokeServiceAccountKey(record, record.owner.id, dryRun);
    } catch (e) {
      return { type: 'failed', error: e instanceof Error ? e.message : String(e) };
    }
  }

  async #revokeServiceAccountKey(record: ProjectKeyRecord, accountId: string, dryRun: boolean): Promise<RevokeOutcome> {
    const keyAction = `delete service-account key ${record.id} of ${record.projectId}`;
    const others = this.#inventory.projectKeys.filter((k) => k.owner.type === 'service_account' && k.owner.id === accountId && k.id !== record.id);
    if (dryRun) return { type: 'would-revoke', action: `${keyAction} (or, if the API refuses, the service account ${accountId}${others.length ? ': refused, it holds other keys' : ''})` };
    try {
      return await this.#delete(keyAction, () => this.#admin.deleteProjectKey(record.projectId, record.id));
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 400)) throw e;
    }
    // The API refused to delete a service account's key: deleting the account revokes its keys,
    // which is only acceptable when this key is its only one.
    if (others.length > 0) return { type: 'refused', reason: `the API will not delete a service account's key, and service account ${accountId} holds ${count(others.length, 'other key')}: ${others.map((k) => k.id).join(', ')}` };
    return this.#delete(`delete service account ${accountId} of ${record.projectId} (its only key leaked)`, () => this.#admin.deleteServiceAccount(record.projectId, accountId));
  }

  async #delete(action: string, fn: () => Promise<unknown>): Promise<RevokeOutcome> {
    try {
      await fn();
      return { type: 'revoked', action };
    } catch (e) {
      if (gone(e)) return { type: 'already-gone', action: `${action} answered 404: already revoked` };
      throw e;
    }
  }
}
