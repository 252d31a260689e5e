import { registerEnumType } from 'type-graphql';

/** What a marketplace connection is used for. */
export enum ConnectionScope {
  MARKET_DATA = 'MARKET_DATA',
  SELLER_ACCOUNT = 'SELLER_ACCOUNT',
}

/** Health of a marketplace connection. */
export enum ConnectionStatus {
  CONNECTED = 'CONNECTED',
  ERROR = 'ERROR',
  REAUTH_REQUIRED = 'REAUTH_REQUIRED',
  DISCONNECTED = 'DISCONNECTED',
}

/** What a sync run fetches. */
export enum SyncKind {
  MARKET_DATA = 'MARKET_DATA',
  ORDERS = 'ORDERS',
  LISTINGS = 'LISTINGS',
  CATALOG = 'CATALOG',
  IMPORT = 'IMPORT',
}

/** Who or what asked for a sync run. */
export enum SyncTrigger {
  SCHEDULE = 'SCHEDULE',
  ON_DEMAND = 'ON_DEMAND',
  MANUAL = 'MANUAL',
}

/** Progress of a sync run; SUCCEEDED, PARTIAL and FAILED are final. */
export enum SyncRunStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  SUCCEEDED = 'SUCCEEDED',
  PARTIAL = 'PARTIAL',
  FAILED = 'FAILED',
}

/** Final statuses: a run in one of them never changes again. */
export const FINAL_RUN_STATUSES: readonly SyncRunStatus[] = [SyncRunStatus.SUCCEEDED, SyncRunStatus.PARTIAL, SyncRunStatus.FAILED];

registerEnumType(ConnectionScope, {
  name: 'ConnectionScope',
  description: 'What a marketplace connection is used for.',
  valuesConfig: {
    MARKET_DATA: { description: 'Reads market prices with the viewer\'s own API access.' },
    SELLER_ACCOUNT: { description: "The viewer's seller account: orders and listings." },
  },
});

registerEnumType(ConnectionStatus, {
  name: 'ConnectionStatus',
  description: 'Health of a marketplace connection.',
  valuesConfig: {
    CONNECTED: { description: 'Credentials work; syncs run.' },
    ERROR: { description: 'The last sync failed for a reason other than credentials; syncs keep being attempted.' },
    REAUTH_REQUIRED: { description: 'The platform rejected the credentials (401 or invalid grant); connect again with new ones.' },
    DISCONNECTED: { description: 'Disconnected by the owner; credentials were erased.' },
  },
});

registerEnumType(SyncKind, {
  name: 'SyncKind',
  description: 'What a sync run fetches.',
  valuesConfig: {
    MARKET_DATA: { description: 'Market prices of catalog variants.' },
    ORDERS: { description: 'Orders changed since the last order sync.' },
    LISTINGS: { description: 'Listings as the platform reports them.' },
    CATALOG: { description: "Products from the platform's catalog." },
    IMPORT: { description: 'A file import.' },
  },
});

registerEnumType(SyncTrigger, {
  name: 'SyncTrigger',
  description: 'Who or what asked for a sync run.',
  valuesConfig: {
    SCHEDULE: { description: 'The periodic schedule.' },
    ON_DEMAND: { description: 'A read that found its data stale (stale-while-revalidate).' },
    MANUAL: { description: 'The owner asked for it (syncConnection).' },
  },
});

registerEnumType(SyncRunStatus, {
  name: 'SyncRunStatus',
  description: 'Progress of a sync run; SUCCEEDED, PARTIAL and FAILED are final.',
  valuesConfig: {
    QUEUED: { description: 'Accepted and waiting for a worker.' },
    RUNNING: { description: 'A worker is processing it.' },
    SUCCEEDED: { description: 'Everything fetched was written.' },
    PARTIAL: { description: 'Finished, but some items failed; see failed and error.' },
    FAILED: { description: 'Stopped without finishing; error says why.' },
  },
});
