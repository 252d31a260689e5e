import type { Logger } from 'pino';
import type { ZodType, ZodTypeDef } from 'zod';
import { fullJitterDelay, type BackoffPolicy } from './backoff';
import { BodyTooLargeError, readBodyCapped } from './body-reader';
import { classifyFetchError, classifyStatus, describeFetchError, upstreamMessage, type FailureClass } from './classify';
import type { ConnectionRateLimiter, RateLimitSpec } from './connection-rate-limiter';
import type { HttpRuntime } from './http-runtime';
import { ProviderError, ProviderErrorKind, ProviderErrorReason } from './provider-error';
import { clip, pathOf, scrubSecrets } from './redact';
import { parseRetryAfter } from './retry-after';

/** Transport limits of one platform; every field has a default in {@link DEFAULT_HTTP_POLICY}. */
export interface HttpPolicy {
  /** Per attempt, covering the wait for headers and the body download. */
  timeoutMs: number;
  /** Attempts including the first; 1 disables retries. */
  maxAttempts: number;
  backoff: BackoffPolicy;
  /** Floor of the delay after a throttling answer (StockX integrators space calls ≥ 400 ms after a 429). */
  minThrottleDelayMs: number;
  /** A `Retry-After` longer than this is not slept in-process: the error carries it so the job defers itself. */
  maxRetryAfterMs: number;
  /** Bodies beyond this are aborted mid-stream and fail PERMANENT. */
  maxResponseBytes: number;
  /** Request budget per connection. */
  rateLimit: RateLimitSpec;
}

/** Conservative defaults; providers override what their platform documents. */
export const DEFAULT_HTTP_POLICY: HttpPolicy = {
  timeoutMs: 15_000,
  maxAttempts: 4,
  backoff: { baseDelayMs: 500, maxDelayMs: 20_000 },
  minThrottleDelayMs: 0,
  maxRetryAfterMs: 60_000,
  maxResponseBytes: 5 * 1024 * 1024,
  rateLimit: { points: 5, durationSeconds: 1 },
};

/** Overrides of a policy; nested objects replace their defaults as a whole. */
export type HttpPolicyOverrides = Partial<HttpPolicy>;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | undefined | null | ReadonlyArray<string | number>;

/** A request to retry later, found in a 2xx body (Shopify answers THROTTLED with HTTP 200). */
export interface RetryDirective {
  retryAfterMs: number;
  message: string;
}

/** One logical call; retried as a whole according to the policy. */
export interface HttpRequest<T> {
  /** Stable name for logs, errors and metrics, e.g. `stockx.orders.active`. */
  operation: string;
  method: HttpMethod;
  /** Relative to the base URL, or an absolute URL on the base URL's origin (next-page links). */
  path: string;
  query?: Record<string, QueryValue>;
  /** JSON body, or form fields for OAuth token endpoints. */
  body?: unknown;
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** Validates (and may transform) the parsed 2xx body; a mismatch fails PERMANENT. */
  schema: ZodType<T, ZodTypeDef, unknown>;
  /** Whether resending is harmless; defaults to true for GET, PUT and DELETE. */
  idempotent?: boolean;
  /** Looks into a successful body for a platform-level "slow down". */
  inspect?: (data: T) => RetryDirective | undefined;
  signal?: AbortSignal;
}

/** A validated answer. */
export interface HttpResponse<T> {
  data: T;
  status: number;
  headers: Headers;
  attempts: number;
}

/** Everything an {@link HttpClient} needs for one connection of one platform. */
export interface HttpClientOptions {
  platform: string;
  connectionId: string;
  baseUrl: string;
  /** Sent on every request; never logged. */
  authHeaders: Record<string, string>;
  /** Every credential value, scrubbed from any text that leaves the client. */
  secrets: readonly string[];
  runtime: HttpRuntime;
  policy?: HttpPolicyOverrides;
  /** Headers every request of this platform carries (API version, marketplace id). */
  defaultHeaders?: Record<string, string>;
}

type AttemptFailure = { ok: false; error: ProviderError; failure: FailureClass; retryAfterMs?: number };
type AttemptResult<T> = { ok: true; response: HttpResponse<T> } | AttemptFailure;

const IDEMPOTENT_METHODS = new Set<HttpMethod>(['GET', 'PUT', 'DELETE']);
const REQUEST_ID_HEADERS = ['x-request-id', 'x-amzn-requestid', 'x-ebay-c-request-id', 'x-request-id-shopify'];

/**
 * The one HTTP client of every marketplace adapter (Node's fetch/undici underneath): per-attempt
 * timeout, retries with exponential backoff and full jitter, `Retry-After` honoured, a request
 * budget per connection, a response-size cap, JSON and schema validation, and errors classified
 * into {@link ProviderError}s that never contain a credential.
 *
 * Retries are a small loop rather than a library: it must honour a per-attempt delay dictated by
 * the server, sleep through an injected clock, and decide per failure and per method (`p-retry` is
 * ESM-only, which Jest cannot `require`; `async-retry` sleeps on real timers and only backs off).
 */
export class HttpClient {
  readonly platform: string;
  readonly policy: HttpPolicy;
  private readonly log: Logger;
  private readonly limiter: ConnectionRateLimiter;
  private readonly base: URL;

  constructor(private readonly options: HttpClientOptions) {
    this.platform = options.platform;
    this.policy = { ...DEFAULT_HTTP_POLICY, ...options.policy };
    this.base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
    this.log = options.runtime.logger.child({ platform: options.platform, connectionId: options.connectionId });
    this.limiter = options.runtime.rateLimiter(options.platform, this.policy.rateLimit);
  }

  /** Removes this connection's credentials from text built outside the client (e.g. GraphQL error messages). */
  scrub(text: string): string {
    return scrubSecrets(text, this.options.secrets);
  }

  /** Sends the request, retrying transient failures; resolves with validated data or throws a {@link ProviderError}. */
  async request<T>(req: HttpRequest<T>): Promise<HttpResponse<T>> {
    const url = this.urlFor(req);
    const idempotent = req.idempotent ?? IDEMPOTENT_METHODS.has(req.method);
    const { runtime } = this.options;
    for (let attempt = 1; ; attempt++) {
      const result = await this.attempt(req, url, attempt);
      if (result.ok) return result.response;
      const { error, failure, retryAfterMs } = result;
      const inLoop = error.kind === ProviderErrorKind.RETRYABLE && error.reason !== ProviderErrorReason.CANCELLED;
      if (!inLoop || attempt >= this.policy.maxAttempts || !(idempotent || failure.notProcessed)) {
        this.log.warn({ operation: req.operation, method: req.method, path: pathOf(url), attempt, kind: error.kind, reason: error.reason, status: error.status }, error.message);
        throw error.with({ attempts: attempt, retryAfterMs });
      }
      if (retryAfterMs !== undefined && retryAfterMs > this.policy.maxRetryAfterMs) {
        this.log.warn({ operation: req.operation, path: pathOf(url), attempt, retryAfterMs }, 'platform asked to wait longer than we wait in-process; deferring');
        throw error.with({ attempts: attempt, retryAfterMs });
      }
      const delayMs = this.delayBeforeRetry(attempt, failure, retryAfterMs);
      this.log.warn(
        { operation: req.operation, method: req.method, path: pathOf(url), attempt, kind: error.kind, reason: error.reason, status: error.status, delayMs },
        'provider request failed; retrying',
      );
      await this.cancellable(req, () => runtime.sleep(delayMs, req.signal));
    }
  }

  /** Runs a wait that the caller's signal may cut short, turning the abort into a CANCELLED {@link ProviderError}. */
  private async cancellable<T>(req: { operation: string }, wait: () => Promise<T>): Promise<T> {
    try {
      return await wait();
    } catch (error) {
      if ((error as { name?: string })?.name !== 'AbortError') throw error;
      throw new ProviderError(`${this.platform} ${req.operation} failed: cancelled`, {
        kind: ProviderErrorKind.RETRYABLE,
        reason: ProviderErrorReason.CANCELLED,
        platform: this.platform,
        operation: req.operation,
      });
    }
  }

  private delayBeforeRetry(attempt: number, failure: FailureClass, retryAfterMs: number | undefined): number {
    const throttled = failure.reason === ProviderErrorReason.RATE_LIMITED;
    if (retryAfterMs !== undefined) return Math.max(retryAfterMs, throttled ? this.policy.minThrottleDelayMs : 0);
    const jitter = fullJitterDelay(attempt, this.policy.backoff, this.options.runtime.random);
    return throttled ? Math.max(jitter, this.policy.minThrottleDelayMs) : jitter;
  }

  private async attempt<T>(req: HttpRequest<T>, url: URL, attempt: number): Promise<AttemptResult<T>> {
    const { runtime } = this.options;
    await this.cancellable(req, () => this.limiter.acquire(this.options.connectionId, runtime.sleep, req.signal));
    const timeout = AbortSignal.timeout(this.policy.timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    const started = runtime.now();

    let response: Response;
    try {
      response = await runtime.fetch(url, { method: req.method, headers: this.headersFor(req), body: this.bodyFor(req), signal, redirect: 'manual' });
    } catch (error) {
      return this.transportFailure(req, error, 'request');
    }

    const status = response.status;
    const upstreamRequestId = REQUEST_ID_HEADERS.map((h) => response.headers.get(h)).find((v): v is string => !!v);
    const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(response.headers.get('retry-after'), runtime.now()) : undefined;

    let raw: Buffer;
    try {
      raw = await readBodyCapped(response, this.policy.maxResponseBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        return this.failed(req, { kind: ProviderErrorKind.PERMANENT, reason: ProviderErrorReason.RESPONSE_TOO_LARGE, notProcessed: false }, `response larger than ${this.policy.maxResponseBytes} bytes`, status, upstreamRequestId);
      }
      return this.transportFailure(req, error, 'body');
    }
    const text = raw.toString('utf8');
    this.log.debug({ operation: req.operation, method: req.method, path: pathOf(url), status, attempt, bytes: raw.byteLength, ms: runtime.now() - started }, 'provider request');

    if (status < 200 || status >= 300) {
      const body = tryParseJson(text);
      const failure = classifyStatus(status, body);
      const detail = upstreamMessage(body ?? (text.startsWith('<') ? undefined : text));
      return { ...this.failed(req, failure, `HTTP ${status}${detail ? ` — ${detail}` : ''}`, status, upstreamRequestId), retryAfterMs };
    }

    let parsed: unknown;
    if (text.trim() === '') parsed = undefined;
    else {
      parsed = tryParseJson(text, NOT_JSON);
      // A complete 2xx body that is not JSON is the platform breaking its contract: resending the
      // same request gets the same bytes, so fail PERMANENT now (a cut-off body is TRUNCATED_BODY instead).
      if (parsed === NOT_JSON) {
        return this.failed(req, { kind: ProviderErrorKind.PERMANENT, reason: ProviderErrorReason.MALFORMED_RESPONSE, notProcessed: false }, 'response is not valid JSON', status, upstreamRequestId);
      }
    }
    const validated = req.schema.safeParse(parsed);
    if (!validated.success) {
      const issues = validated.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
      return this.failed(req, { kind: ProviderErrorKind.PERMANENT, reason: ProviderErrorReason.INVALID_RESPONSE, notProcessed: false }, `unexpected response shape (${issues})`, status, upstreamRequestId);
    }
    const directive = req.inspect?.(validated.data);
    if (directive) {
      return {
        ...this.failed(req, { kind: ProviderErrorKind.RETRYABLE, reason: ProviderErrorReason.RATE_LIMITED, notProcessed: true }, directive.message, status, upstreamRequestId),
        retryAfterMs: directive.retryAfterMs,
      };
    }
    return { ok: true, response: { data: validated.data, status, headers: response.headers, attempts: attempt } };
  }

  private transportFailure(req: { operation: string }, error: unknown, phase: 'request' | 'body'): AttemptFailure {
    const failure = classifyFetchError(error, phase);
    const what = phase === 'body' && failure.reason === ProviderErrorReason.TRUNCATED_BODY ? 'response body cut off' : describeFetchError(error);
    return this.failed(req, failure, what);
  }

  private failed(req: { operation: string }, failure: FailureClass, detail: string, status?: number, upstreamRequestId?: string): AttemptFailure {
    // Scrub before clipping: a cut could otherwise leave half a secret that no longer matches.
    const message = clip(scrubSecrets(`${this.platform} ${req.operation} failed: ${detail}`, this.options.secrets), 300);
    const error = new ProviderError(message, { kind: failure.kind, reason: failure.reason, platform: this.platform, operation: req.operation, status, upstreamRequestId });
    return { ok: false, error, failure };
  }

  private headersFor<T>(req: HttpRequest<T>): Record<string, string> {
    const headers: Record<string, string> = { accept: 'application/json', ...this.options.defaultHeaders, ...req.headers, ...this.options.authHeaders };
    if (req.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    else if (req.method !== 'GET') headers['content-type'] = 'application/json';
    return headers;
  }

  private bodyFor<T>(req: HttpRequest<T>): string | undefined {
    if (req.form) return new URLSearchParams(req.form).toString();
    return req.body === undefined ? undefined : JSON.stringify(req.body);
  }

  private urlFor<T>(req: HttpRequest<T>): URL {
    const url = /^https?:\/\//i.test(req.path) ? new URL(req.path) : new URL(req.path.replace(/^\/+/, ''), this.base);
    if (url.origin !== this.base.origin) {
      // Next-page links come from the platform; never let one send our credentials elsewhere.
      throw new ProviderError(`${this.platform} ${req.operation} failed: refusing to call a host other than the configured base URL`, {
        kind: ProviderErrorKind.PERMANENT,
        reason: ProviderErrorReason.INVALID_REQUEST,
        platform: this.platform,
        operation: req.operation,
      });
    }
    for (const [key, value] of Object.entries(req.query ?? {})) {
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) for (const v of value) url.searchParams.append(key, String(v));
      else url.searchParams.set(key, String(value));
    }
    return url;
  }
}

const NOT_JSON = Symbol('not-json');

function tryParseJson(text: string): unknown;
function tryParseJson<F>(text: string, fallback: F): unknown | F;
function tryParseJson(text: string, fallback: unknown = undefined): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return fallback;
  }
}
