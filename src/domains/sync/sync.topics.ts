import type { ConnectionStatus, SyncKind, SyncRunStatus, SyncTrigger } from './entities/sync.enums';

/** Progress of sync runs: `SYNC_RUN_UPDATED:<accountId>`, one topic per owner. */
export const SYNC_RUN_UPDATED = 'SYNC_RUN_UPDATED';
/** A connection's streams must end (disconnected): `SYNC_CONNECTION_CLOSED:<accountId>`. */
export const SYNC_CONNECTION_CLOSED = 'SYNC_CONNECTION_CLOSED';

/** A sync run as it stands, JSON-safe (ids as UUIDs, times ISO 8601); enough to answer without a query. */
export interface SyncRunPayload {
  id: string;
  accountId: string;
  connectionId: string | null;
  platformId: string | null;
  kind: SyncKind;
  trigger: SyncTrigger;
  status: SyncRunStatus;
  fetched: number;
  written: number;
  failed: number;
  pages: number;
  attempts: number;
  error: string | null;
  errorReason: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  heartbeatAt: string | null;
  createdAt: string;
}

/** A connection closed by its owner, with its new status. */
export interface SyncConnectionClosedPayload {
  connectionId: string;
  status: ConnectionStatus;
}

declare module '../../common/pubsub' {
  interface Topics {
    /** Sync run progress; always published with the owner's account id. */
    SYNC_RUN_UPDATED: SyncRunPayload;
    /** A disconnected connection; subscribers of its runs end their streams. Published with the owner's account id. */
    SYNC_CONNECTION_CLOSED: SyncConnectionClosedPayload;
  }
}
