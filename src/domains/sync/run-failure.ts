import { CredentialDecryptError } from './crypto/credential-cipher';
import { ConnectionStatus } from './entities/sync.enums';
import { isProviderError, ProviderErrorKind } from './providers';
import { clip, scrubSecrets } from './http/redact';
import { isTransientDatabaseError } from './run-lease.service';

/** How a failed run is recorded, and what it means for its connection. */
export interface ClassifiedFailure {
  /** Credential-free, user-facing. */
  error: string;
  reason: string;
  /** The connection's new status; undefined leaves it as it is. */
  connectionStatus?: ConnectionStatus;
}

/**
 * Turns whatever stopped a run into a recorded reason. Provider messages are already scrubbed by the HTTP client;
 * `secrets` is a second net. Unexpected errors are not echoed (they may quote data); the worker log has them.
 */
export function classifyRunFailure(error: unknown, secrets: readonly string[] = []): ClassifiedFailure {
  if (isProviderError(error)) {
    const message = clip(scrubSecrets(error.message, secrets), 400);
    if (error.kind === ProviderErrorKind.REAUTH_REQUIRED) {
      return { error: `The platform rejected the stored credentials; connect again. (${message})`, reason: error.reason, connectionStatus: ConnectionStatus.REAUTH_REQUIRED };
    }
    return { error: message, reason: error.reason, connectionStatus: ConnectionStatus.ERROR };
  }
  if (error instanceof CredentialDecryptError) {
    return { error: error.message, reason: 'CREDENTIALS_UNREADABLE', connectionStatus: ConnectionStatus.REAUTH_REQUIRED };
  }
  if (error instanceof Error && error.name === 'CursorMovedError') return { error: error.message, reason: 'CURSOR_MOVED' };
  if (isTransientDatabaseError(error)) {
    return { error: 'The database connection was lost repeatedly during the run; the next run resumes from the last committed page.', reason: 'DATABASE_UNAVAILABLE' };
  }
  return { error: 'Internal error while syncing; see the worker log for this run id.', reason: 'INTERNAL', connectionStatus: ConnectionStatus.ERROR };
}

/** An unexpected error as it may be logged: message and stack with every known secret removed. */
export function scrubbedError(error: unknown, secrets: readonly string[]): { type: string; message: string; stack?: string } {
  const err = error instanceof Error ? error : new Error(String(error));
  return { type: err.name, message: scrubSecrets(err.message, secrets), stack: err.stack && scrubSecrets(err.stack, secrets) };
}
