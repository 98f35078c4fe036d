import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { scrubSecrets } from '../detect/index.ts';

/** An OpenAI HTTP failure: which endpoint, what status and request id, and OpenAI's message. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly endpoint: string;
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly code: string | undefined;

  constructor(endpoint: string, status: number | undefined, message: string, requestId?: string, code?: string) {
    // Never the key: OpenAI's messages quote part of a key, and a caller may have put one in a URL.
    super(scrubSecrets(`${endpoint}: ${status ? `HTTP ${status}` : 'no response'}${code ? ` (${code})` : ''}: ${message}${requestId ? ` [request ${requestId}]` : ''}`));
    this.endpoint = endpoint;
    this.status = status;
    this.requestId = requestId;
    this.code = code;
  }
}

/** Runs one SDK call and turns its failure into an ApiError naming the endpoint. */
export async function call<T>(endpoint: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toApiError(endpoint, e);
  }
}

export function toApiError(endpoint: string, e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  if (e instanceof APIConnectionTimeoutError) return new ApiError(endpoint, undefined, 'timed out');
  if (e instanceof APIConnectionError) return new ApiError(endpoint, undefined, e.cause instanceof Error ? e.cause.message : `could not connect: ${e.message}`);
  if (e instanceof APIError) {
    const body = e.error as { message?: string } | undefined;
    return new ApiError(endpoint, e.status, body?.message ?? e.message, e.requestID ?? undefined, e.code ?? undefined);
  }
  return new ApiError(endpoint, undefined, e instanceof Error ? e.message : String(e));
}
