import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { UserError } from '../../../common/errors';
import { JSONObjectScalar } from '../../../common/scalars';
import { MarketplaceConnection } from '../entities/marketplace-connection.entity';
import { SyncRun } from '../entities/sync-run.entity';
import { ConnectionScope, SyncKind, SyncRunStatus } from '../entities/sync.enums';

@InputType({ description: 'Credentials of a marketplace account to connect; checked with the platform before anything is stored.' })
export class ConnectMarketplaceInput {
  @Field({ description: 'Platform slug, e.g. "stockx", "alias", "shopify".' })
  platform!: string;

  @Field(() => ConnectionScope, { defaultValue: ConnectionScope.SELLER_ACCOUNT, description: 'What the connection is for (default SELLER_ACCOUNT).' })
  scope!: ConnectionScope;

  @Field(() => JSONObjectScalar, {
    description:
      'The platform\'s credentials as named fields, e.g. { "accessToken": "…" } for Alias, { "shopDomain": "…", "accessToken": "…" } for Shopify. Stored encrypted; never returned.',
  })
  credentials!: Record<string, unknown>;
}

@ObjectType({ description: 'Result of connectMarketplace.' })
export class ConnectMarketplacePayload {
  @Field(() => MarketplaceConnection, { nullable: true, description: 'The connection; null when the credentials were not accepted.' })
  connection?: MarketplaceConnection | null;

  @Field(() => [UserError], { description: 'Why the marketplace was not connected (e.g. the platform rejected the credentials).' })
  errors!: UserError[];
}

@InputType({ description: "Disconnects one of the viewer's marketplace connections." })
export class DisconnectMarketplaceInput {
  @Field(() => ID, { description: 'The connection.' })
  id!: string;
}

@ObjectType({ description: 'Result of disconnectMarketplace.' })
export class DisconnectMarketplacePayload {
  @Field(() => MarketplaceConnection, { nullable: true, description: 'The connection, now DISCONNECTED with its credentials erased.' })
  connection?: MarketplaceConnection | null;

  @Field(() => [UserError], { description: 'Why it was not disconnected.' })
  errors!: UserError[];
}

@InputType({ description: 'Asks for a sync of one connection now.' })
export class SyncConnectionInput {
  @Field(() => ID, { description: 'The connection.' })
  id!: string;

  @Field(() => SyncKind, { description: 'What to sync: ORDERS or LISTINGS for seller accounts, MARKET_DATA for market data connections.' })
  kind!: SyncKind;
}

@ObjectType({ description: 'Result of syncConnection.' })
export class SyncConnectionPayload {
  @Field(() => SyncRun, { nullable: true, description: 'The run: a new QUEUED one, or the one already QUEUED or RUNNING for this connection and kind.' })
  syncRun?: SyncRun | null;

  @Field(() => [UserError], { description: 'Why no sync was requested.' })
  errors!: UserError[];
}

@InputType({ description: 'Which sync runs to list.' })
export class SyncRunFilter {
  @Field(() => ID, { nullable: true, description: 'Only runs of this connection.' })
  connectionId?: string | null;

  @Field(() => [SyncKind], { nullable: true, description: 'Only runs of these kinds.' })
  kinds?: SyncKind[] | null;

  @Field(() => [SyncRunStatus], { nullable: true, description: 'Only runs in these statuses.' })
  statuses?: SyncRunStatus[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only QUEUED and RUNNING runs; false: only finished ones.' })
  active?: boolean | null;
}
