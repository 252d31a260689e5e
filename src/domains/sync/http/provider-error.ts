/** What the caller should do about a failed provider call. */
export enum ProviderErrorKind {
  /** Transient (timeouts, 429, 5xx, truncated bodies): try again later; the connection is fine. */
  RETRYABLE = 'RETRYABLE',
  /** The credentials no longer work (401, OAuth `invalid_grant`): mark the connection REAUTH_REQUIRED. */
  REAUTH_REQUIRED = 'REAUTH_REQUIRED',
  /** Retrying the same request cannot help (other 4xx, malformed or invalid responses, oversize bodies). */
  PERMANENT = 'PERMANENT',
}

/** Why a provider call failed, finer than {@link ProviderErrorKind}; recorded on sync runs. */
export enum ProviderErrorReason {
  TIMEOUT = 'TIMEOUT',
  NETWORK = 'NETWORK',
  CANCELLED = 'CANCELLED',
  RATE_LIMITED = 'RATE_LIMITED',
  UPSTREAM_UNAVAILABLE = 'UPSTREAM_UNAVAILABLE',
  UNAUTHORIZED = 'UNAUTHORIZED',
  INVALID_GRANT = 'INVALID_GRANT',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  REJECTED = 'REJECTED',
  TRUNCATED_BODY = 'TRUNCATED_BODY',
  MALFORMED_RESPONSE = 'MALFORMED_RESPONSE',
  INVALID_RESPONSE = 'INVALID_RESPONSE',
  RESPONSE_TOO_LARGE = 'RESPONSE_TOO_LARGE',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  INVALID_REQUEST = 'INVALID_REQUEST',
  UNSUPPORTED = 'UNSUPPORTED',
}

/** Facts about a failed call; none of them may hold a credential. */
export interface ProviderErrorDetails {
  kind: ProviderErrorKind;
  reason: ProviderErrorReason;
  platform: string;
  /** Logical operation, e.g. `stockx.orders.active`. */
  operation?: string;
  /** HTTP status when the platform answered. */
  status?: number;
  /** How many attempts were made before giving up. */
  attempts?: number;
  /** When the platform asked us to wait longer than we wait in-process, how long (ms) the job should defer. */
  retryAfterMs?: number;
  /** Upstream request id (e.g. `x-request-id`) for support tickets. */
  upstreamRequestId?: string;
}

/**
 * The one error type provider adapters throw. Its message is built from the operation, the
 * status and a scrubbed upstream message only — never from request headers or credentials.
 */
export class ProviderError extends Error {
  readonly kind: ProviderErrorKind;
  readonly reason: ProviderErrorReason;
  readonly platform: string;
  readonly operation?: string;
  readonly status?: number;
  readonly attempts?: number;
  readonly retryAfterMs?: number;
  readonly upstreamRequestId?: string;

  constructor(message: string, details: ProviderErrorDetails) {
    super(message);
    this.name = 'ProviderError';
    this.kind = details.kind;
    this.reason = details.reason;
    this.platform = details.platform;
    this.operation = details.operation;
    this.status = details.status;
    this.attempts = details.attempts;
    this.retryAfterMs = details.retryAfterMs;
    this.upstreamRequestId = details.upstreamRequestId;
  }

  /** A copy with more facts (e.g. the final attempt count); the message is kept. */
  with(details: Partial<ProviderErrorDetails>): ProviderError {
    const copy = new ProviderError(this.message, { ...this.details(), ...details });
    copy.stack = this.stack;
    return copy;
  }

  details(): ProviderErrorDetails {
    return {
      kind: this.kind,
      reason: this.reason,
      platform: this.platform,
      operation: this.operation,
      status: this.status,
      attempts: this.attempts,
      retryAfterMs: this.retryAfterMs,
      upstreamRequestId: this.upstreamRequestId,
    };
  }
}

/** Type guard for {@link ProviderError}. */
export const isProviderError = (error: unknown): error is ProviderError => error instanceof ProviderError;
