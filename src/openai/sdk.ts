import OpenAI from 'openai';
import { connectionCause } from '../errors.ts';

/** OpenAI's API; another base URL comes only from the `openai-base-url` input or flag. */
export const OPENAI_API = 'https://api.openai.com/v1';

/** Request headers the SDK itself sets; anything else (OPENAI_CUSTOM_HEADERS) is dropped. */
const SDK_HEADERS = /^(?:accept|content-type|content-length|user-agent|idempotency-key|x-stainless-[a-z0-9-]+)$/i;

export interface SdkOptions {
  /** Sent as `Authorization: Bearer …`: a found key (liveness, proof) or the admin key. */
  readonly key: string;
  readonly admin: boolean;
  readonly baseURL: string | undefined;
  /** `OpenAI-Organization` / `OpenAI-Project`: only what keyguard chose, never the environment's. */
  readonly organization?: string;
  readonly project?: string;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly onRequest?: () => void;
}

/**
 * An `openai` client that reads nothing from the environment. The SDK would take OPENAI_BASE_URL
 * (sending every key to whatever it names), OPENAI_ORG_ID and OPENAI_PROJECT_ID (making every
 * probe answer "mismatched") and OPENAI_CUSTOM_HEADERS (which can even replace Authorization).
 * Options pass explicit values or nulls, and the fetch rebuilds the headers from an allowlist, so
 * nothing the job environment says reaches OpenAI.
 */
export function openaiSdk(o: SdkOptions): InstanceType<typeof OpenAI> {
  return new OpenAI({
    apiKey: o.admin ? null : o.key,
    adminAPIKey: o.admin ? o.key : null,
    organization: null,
    project: null,
    webhookSecret: null,
    baseURL: o.baseURL ?? OPENAI_API,
    timeout: o.timeoutMs,
    maxRetries: o.maxRetries,
    logLevel: 'off',
    fetch: (url, init) => {
      o.onRequest?.();
      const headers = new Headers();
      for (const [name, value] of new Headers(init?.headers)) if (SDK_HEADERS.test(name)) headers.set(name, value);
      headers.set('authorization', `Bearer ${o.key}`);
      if (o.organization) headers.set('openai-organization', o.organization);
      if (o.project) headers.set('openai-project', o.project);
      // The SDK reports any network failure as "Connection error.": say where, and who chose it.
      return fetch(url, { ...init, headers }).catch((e: unknown) => {
        if ((e as Error).name === 'AbortError') throw e;
        throw new Error(`could not connect to ${String(url).split('?')[0]} (${o.baseURL ? 'set by --openai-base-url, or input openai-base-url' : "OpenAI's API"}): ${connectionCause(e)}`);
      });
    },
  });
}
