import type { KeyKind } from '../detect/index.ts';

/** What keyguard keeps of the organization's keys: ids, redacted values, owners, times. Never secrets. */
export interface ProjectRecord {
  readonly id: string;
  readonly name: string | null;
  readonly createdAt: number;
  readonly archived: boolean;
}

export type KeyOwner =
  | { readonly type: 'user'; readonly id: string; readonly name: string; readonly email: string }
  | { readonly type: 'service_account'; readonly id: string; readonly name: string };

export interface ProjectKeyRecord {
  readonly type: 'project_key';
  readonly id: string;
  readonly projectId: string;
  readonly name: string;
  readonly redactedValue: string;
  readonly owner: KeyOwner;
  readonly ownerHasAccess: boolean;
  readonly createdAt: number;
  readonly lastUsedAt: number | null;
}

export interface AdminKeyRecord {
  readonly type: 'admin_key';
  readonly id: string;
  readonly name: string | null;
  readonly redactedValue: string;
  readonly ownerName: string | null;
  readonly createdAt: number;
  readonly lastUsedAt: number | null;
  readonly expiresAt: number | null;
}

export type KeyRecord = ProjectKeyRecord | AdminKeyRecord;

export interface ServiceAccountRecord {
  readonly id: string;
  readonly projectId: string;
  readonly name: string;
}

export interface Inventory {
  readonly projects: readonly ProjectRecord[];
  readonly projectKeys: readonly ProjectKeyRecord[];
  readonly serviceAccounts: readonly ServiceAccountRecord[];
  readonly adminKeys: readonly AdminKeyRecord[];
  /** HTTP requests the inventory took. */
  readonly requests: number;
}

/** Whether a found key still works, and which rule of the probe's answer decided it. */
export type Liveness =
  | { readonly status: 'live'; readonly rule: string }
  | { readonly status: 'revoked'; readonly rule: string }
  | { readonly status: 'unknown'; readonly rule: string; readonly reason: string };

/** A found key against the organization's records (matched on the visible prefix and suffix). */
export type KeyMatch =
  | { readonly type: 'matched'; readonly record: KeyRecord }
  | { readonly type: 'ambiguous'; readonly records: readonly KeyRecord[] }
  | { readonly type: 'not-found' };

export type RevokeOutcome =
  | { readonly type: 'revoked'; readonly action: string }
  | { readonly type: 'already-gone'; readonly action: string }
  | { readonly type: 'would-revoke'; readonly action: string }
  | { readonly type: 'refused'; readonly reason: string }
  /** Matched by its visible characters only: reported with how an admin confirms it, never acted on. */
  | { readonly type: 'unproven'; readonly reason: string; readonly confirm: string }
  | { readonly type: 'failed'; readonly error: string };

export type { KeyKind };
