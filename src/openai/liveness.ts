import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import type { KeyKind, SecretValue } from '../detect/index.ts';
import { kindSpec, scrubSecrets } from '../detect/index.ts';
import { openaiSdk } from './sdk.ts';
import type { Liveness } from './types.ts';

/** OpenAI's 429 codes for a key that works but has no credit (retrying does not help). */
const QUOTA_CODES = new Set(['insufficient_quota', 'credit_balance_exhausted', 'organization_spend_limit_exceeded', 'project_spend_limit_exceeded', 'organization_usage_limit_exceeded']);

export interface LivenessOptions {
  /** The `openai-base-url` input or flag; never the environment. */
  readonly baseURL?: string;
  readonly timeoutMs?: number;
  /** Sent as `OpenAI-Project`: the key must then answer as a key of that project. */
  readonly project?: string;
}

const probeSdk = (secret: SecretValue, admin: boolean, options: LivenessOptions) =>
  openaiSdk({ key: secret.reveal(), admin, baseURL: options.baseURL, project: options.project, timeoutMs: options.timeoutMs ?? 10_000, maxRetries: 0 });

/**
 * Whether a found key still works, without spending tokens: `GET /v1/models` (for an admin key,
 * the admin keys list with `limit=1`), with retries off, so a quota 429 is read once, not retried.
 */
export async function checkLiveness(secret: SecretValue, kind: KeyKind, options: LivenessOptions = {}): Promise<Liveness> {
  try {
    const admin = kindSpec(kind).probe === 'admin-keys';
    const sdk = probeSdk(secret, admin, options);
    if (admin) {
      await sdk.admin.organization.adminAPIKeys.list({ limit: 1 });
      return { status: 'live', rule: '200 from GET /organization/admin_api_keys' };
    }
    await sdk.models.list();
    return { status: 'live', rule: `200 from GET /models${options.project ? ` with OpenAI-Project: ${options.project}` : ''}` };
  } catch (e) {
    return classify(e);
  }
}

/**
 * The ids of the admin keys a found admin key lists: the keys of its own organization. Admin key
 * ids are unique, so the matched record among them proves the found key is of this organization.
 */
export async function adminKeyIdsListedBy(secret: SecretValue, options: LivenessOptions = {}): Promise<{ ids: string[] } | { error: Liveness }> {
  try {
    const ids: string[] = [];
    for await (const k of probeSdk(secret, true, options).admin.organization.adminAPIKeys.list({ limit: 100 })) ids.push(k.id);
    return { ids };
  } catch (e) {
    return { error: classify(e) };
  }
}

/** Maps the probe's failure to a verdict; `rule` names the branch that decided. */
export function classify(e: unknown): Liveness {
  if (e instanceof APIConnectionTimeoutError) return { status: 'unknown', rule: 'timeout', reason: 'the request timed out' };
  if (e instanceof APIConnectionError) return { status: 'unknown', rule: 'network', reason: scrubSecrets(e.cause instanceof Error ? e.cause.message : e.message) };
  if (!(e instanceof APIError) || e.status === undefined) return { status: 'unknown', rule: 'error', reason: scrubSecrets(e instanceof Error ? e.message : String(e)) };
  const body = (e.error ?? {}) as { message?: string; type?: string; code?: string | null };
  const message = scrubSecrets(body.message ?? e.message);
  const code = body.code ?? e.code ?? null;
  if (e.status === 401) {
    if (code === 'invalid_api_key') return { status: 'revoked', rule: '401 invalid_api_key' };
    // A restricted key without the Models scope authenticates, then lacks a scope: it works.
    if (/missing scopes|insufficient permissions/i.test(message)) return { status: 'live', rule: '401 missing scopes (restricted key)' };
    if (/ip not authorized/i.test(message)) return { status: 'live', rule: '401 IP not allowlisted (key valid)' };
    return { status: 'unknown', rule: `401 ${code ?? 'no code'}`, reason: message };
  }
  if (e.status === 429) {
    if ((code && QUOTA_CODES.has(code)) || (body.type && QUOTA_CODES.has(body.type))) return { status: 'live', rule: `429 ${code ?? body.type} (authenticated, out of quota)` };
    return { status: 'unknown', rule: '429 rate limited', reason: message };
  }
  if (e.status >= 500) return { status: 'unknown', rule: `${e.status} server error`, reason: message };
  return { status: 'unknown', rule: `${e.status}`, reason: message };
}
