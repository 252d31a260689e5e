import { ProviderErrorKind, ProviderErrorReason } from './provider-error';

/** The verdict on one failed attempt. */
export interface FailureClass {
  kind: ProviderErrorKind;
  reason: ProviderErrorReason;
  /** The platform certainly did not act on the request, so even a non-idempotent write may be resent. */
  notProcessed: boolean;
}

const retryable = (reason: ProviderErrorReason, notProcessed = false): FailureClass => ({ kind: ProviderErrorKind.RETRYABLE, reason, notProcessed });
const permanent = (reason: ProviderErrorReason): FailureClass => ({ kind: ProviderErrorKind.PERMANENT, reason, notProcessed: false });
const reauth = (reason: ProviderErrorReason): FailureClass => ({ kind: ProviderErrorKind.REAUTH_REQUIRED, reason, notProcessed: false });

function oauthError(body: unknown): string | undefined {
  if (body && typeof body === 'object' && 'error' in body && typeof (body as { error: unknown }).error === 'string') {
    return (body as { error: string }).error;
  }
  return undefined;
}

/** Classifies a non-2xx HTTP answer. `body` is the parsed JSON body when there was one. */
export function classifyStatus(status: number, body: unknown): FailureClass {
  // OAuth token endpoints answer 400 (sometimes 401) with {"error":"invalid_grant"} for a revoked refresh token.
  if ((status === 400 || status === 401) && oauthError(body) === 'invalid_grant') return reauth(ProviderErrorReason.INVALID_GRANT);
  if (status === 401) return reauth(ProviderErrorReason.UNAUTHORIZED);
  if (status === 403) return permanent(ProviderErrorReason.FORBIDDEN);
  if (status === 404 || status === 410) return permanent(ProviderErrorReason.NOT_FOUND);
  if (status === 409) return permanent(ProviderErrorReason.CONFLICT);
  if (status === 408) return retryable(ProviderErrorReason.TIMEOUT);
  if (status === 425) return retryable(ProviderErrorReason.RATE_LIMITED, true);
  if (status === 429) return retryable(ProviderErrorReason.RATE_LIMITED, true);
  if (status === 501 || status === 505) return permanent(ProviderErrorReason.REJECTED);
  if (status >= 500) return retryable(ProviderErrorReason.UPSTREAM_UNAVAILABLE);
  return permanent(status >= 300 && status < 400 ? ProviderErrorReason.INVALID_RESPONSE : ProviderErrorReason.REJECTED);
}

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * Classifies an exception from `fetch` or from reading the body. `phase` tells whether the
 * request had been answered yet: a socket closing mid-body is a truncated body, not a lost request.
 */
export function classifyFetchError(error: unknown, phase: 'request' | 'body'): FailureClass {
  const err = error as { name?: string; cause?: { code?: string; name?: string } };
  if (err?.name === 'TimeoutError') return retryable(ProviderErrorReason.TIMEOUT);
  if (err?.name === 'AbortError') return { kind: ProviderErrorKind.RETRYABLE, reason: ProviderErrorReason.CANCELLED, notProcessed: false };
  if (phase === 'body') return retryable(ProviderErrorReason.TRUNCATED_BODY);
  const code = err?.cause?.code;
  return retryable(ProviderErrorReason.NETWORK, code !== undefined && NOT_SENT_CODES.has(code));
}

/** Short, credential-free description of a transport exception (name and code only). */
export function describeFetchError(error: unknown): string {
  const err = error as { name?: string; message?: string; cause?: { code?: string } };
  const code = err?.cause?.code ? ` (${err.cause.code})` : '';
  if (err?.name === 'TimeoutError') return 'timed out';
  if (err?.name === 'AbortError') return 'cancelled';
  return `${err?.message ?? 'network error'}${code}`;
}

/** The human part of a platform's error body, whatever its shape (Alias, eBay, OAuth, GraphQL, StockX). */
export function upstreamMessage(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return typeof body === 'string' && body.trim() ? body : undefined;
  const b = body as Record<string, unknown>;
  for (const key of ['message', 'errorMessage', 'error_description', 'detail']) {
    if (typeof b[key] === 'string' && b[key]) return b[key] as string;
  }
  if (Array.isArray(b.errors) && b.errors.length > 0) {
    const first = b.errors[0] as Record<string, unknown>;
    for (const key of ['message', 'longMessage', 'code']) if (typeof first?.[key] === 'string') return first[key] as string;
  }
  if (typeof b.error === 'string') return b.error;
  return undefined;
}
