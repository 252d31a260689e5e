import { CredentialDecryptError, CredentialDecryptFailure } from './crypto/credential-cipher';
import { ConnectionStatus } from './entities/sync.enums';
import { ProviderError, ProviderErrorKind, ProviderErrorReason } from './http/provider-error';
import { CursorMovedError } from './delta-sync.service';
import { classifyRunFailure, scrubbedError } from './run-failure';

const providerError = (kind: ProviderErrorKind, reason: ProviderErrorReason, message: string) => new ProviderError(message, { kind, reason, platform: 'alias' });

describe('classifyRunFailure', () => {
  it('turns 401 / invalid grant into REAUTH_REQUIRED with the provider reason', () => {
    const failure = classifyRunFailure(providerError(ProviderErrorKind.REAUTH_REQUIRED, ProviderErrorReason.INVALID_GRANT, 'alias.oauth.refresh: invalid_grant'));
    expect(failure).toMatchObject({ reason: 'INVALID_GRANT', connectionStatus: ConnectionStatus.REAUTH_REQUIRED });
    expect(failure.error).toMatch(/connect again/);
  });

  it('keeps transient and permanent provider failures as ERROR with their reason', () => {
    expect(classifyRunFailure(providerError(ProviderErrorKind.RETRYABLE, ProviderErrorReason.RATE_LIMITED, 'alias.orders: 429'))).toMatchObject({
      reason: 'RATE_LIMITED',
      connectionStatus: ConnectionStatus.ERROR,
    });
    expect(classifyRunFailure(providerError(ProviderErrorKind.PERMANENT, ProviderErrorReason.MALFORMED_RESPONSE, 'alias.orders: not JSON'))).toMatchObject({
      reason: 'MALFORMED_RESPONSE',
    });
  });

  it('scrubs known secrets from provider messages as a second net', () => {
    const failure = classifyRunFailure(providerError(ProviderErrorKind.PERMANENT, ProviderErrorReason.REJECTED, 'rejected token tok-123456789'), ['tok-123456789']);
    expect(failure.error).not.toContain('tok-123456789');
  });

  it('reports unreadable credentials as such, asking for a reconnect', () => {
    const failure = classifyRunFailure(new CredentialDecryptError(CredentialDecryptFailure.AUTHENTICATION_FAILED, 'Stored credentials failed authentication.'));
    expect(failure).toEqual({ error: 'Stored credentials failed authentication.', reason: 'CREDENTIALS_UNREADABLE', connectionStatus: ConnectionStatus.REAUTH_REQUIRED });
  });

  it('names a lost database without changing the connection, and never echoes unexpected errors', () => {
    const lost = classifyRunFailure(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }));
    expect(lost.reason).toBe('DATABASE_UNAVAILABLE');
    expect(lost.connectionStatus).toBeUndefined();
    const internal = classifyRunFailure(new TypeError('cannot read x of row {"accessToken":"abc"}'));
    expect(internal).toMatchObject({ reason: 'INTERNAL' });
    expect(internal.error).not.toContain('abc');
  });
});

describe('a cursor moved by a reconnect', () => {
  it('ends the run with CURSOR_MOVED and leaves the connection alone', () => {
    const failure = classifyRunFailure(new CursorMovedError('orders'));
    expect(failure).toEqual({ error: expect.stringContaining('reconnected'), reason: 'CURSOR_MOVED' });
  });
});

describe('scrubbedError', () => {
  it('removes secrets from message and stack', () => {
    const scrubbed = scrubbedError(new Error('boom with secret-value-123'), ['secret-value-123']);
    expect(scrubbed.message).not.toContain('secret-value-123');
    expect(scrubbed.stack).not.toContain('secret-value-123');
  });
});
