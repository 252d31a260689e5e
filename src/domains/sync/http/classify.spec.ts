import { classifyFetchError, classifyStatus, upstreamMessage } from './classify';
import { ProviderErrorKind as K, ProviderErrorReason as R } from './provider-error';

describe('classifyStatus', () => {
  it.each([
    [401, undefined, K.REAUTH_REQUIRED, R.UNAUTHORIZED],
    [400, { error: 'invalid_grant' }, K.REAUTH_REQUIRED, R.INVALID_GRANT],
    [401, { error: 'invalid_grant' }, K.REAUTH_REQUIRED, R.INVALID_GRANT],
    [400, { error: 'invalid_request' }, K.PERMANENT, R.REJECTED],
    [403, undefined, K.PERMANENT, R.FORBIDDEN],
    [404, undefined, K.PERMANENT, R.NOT_FOUND],
    [409, undefined, K.PERMANENT, R.CONFLICT],
    [422, undefined, K.PERMANENT, R.REJECTED],
    [408, undefined, K.RETRYABLE, R.TIMEOUT],
    [429, undefined, K.RETRYABLE, R.RATE_LIMITED],
    [500, undefined, K.RETRYABLE, R.UPSTREAM_UNAVAILABLE],
    [502, undefined, K.RETRYABLE, R.UPSTREAM_UNAVAILABLE],
    [503, undefined, K.RETRYABLE, R.UPSTREAM_UNAVAILABLE],
    [504, undefined, K.RETRYABLE, R.UPSTREAM_UNAVAILABLE],
    [501, undefined, K.PERMANENT, R.REJECTED],
    [302, undefined, K.PERMANENT, R.INVALID_RESPONSE],
  ])('%s %j → %s/%s', (status, body, kind, reason) => {
    expect(classifyStatus(status, body)).toMatchObject({ kind, reason });
  });

  it('marks throttling answers as not processed (safe to resend even a write)', () => {
    expect(classifyStatus(429, undefined).notProcessed).toBe(true);
    expect(classifyStatus(500, undefined).notProcessed).toBe(false);
  });
});

describe('classifyFetchError', () => {
  it('separates timeouts, cancellation, refused connections and cut-off bodies', () => {
    expect(classifyFetchError(Object.assign(new Error('x'), { name: 'TimeoutError' }), 'request')).toMatchObject({ kind: K.RETRYABLE, reason: R.TIMEOUT });
    expect(classifyFetchError(Object.assign(new Error('x'), { name: 'AbortError' }), 'request')).toMatchObject({ reason: R.CANCELLED });
    expect(classifyFetchError(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }), 'request')).toMatchObject({ reason: R.NETWORK, notProcessed: true });
    expect(classifyFetchError(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } }), 'request')).toMatchObject({ reason: R.NETWORK, notProcessed: false });
    expect(classifyFetchError(new TypeError('terminated'), 'body')).toMatchObject({ kind: K.RETRYABLE, reason: R.TRUNCATED_BODY });
  });
});

describe('upstreamMessage', () => {
  it.each([
    [{ code: 9, message: 'listing is already active' }, 'listing is already active'],
    [{ errors: [{ errorId: 1, message: 'Access denied', longMessage: 'Insufficient permissions' }] }, 'Access denied'],
    [{ error: 'invalid_grant', error_description: 'Refresh token revoked' }, 'Refresh token revoked'],
    [{ errorMessage: 'Variant not found' }, 'Variant not found'],
    [{ error: 'invalid_client' }, 'invalid_client'],
    ['plain text', 'plain text'],
    [{ nothing: true }, undefined],
  ])('%j → %p', (body, message) => {
    expect(upstreamMessage(body)).toBe(message);
  });
});
