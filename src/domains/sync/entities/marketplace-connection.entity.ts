import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../../common/node';
import { OwnedEntity } from '../../../common/orm/base.entity';
import { DateTimeScalar } from '../../../common/scalars';
import { ConnectionScope, ConnectionStatus } from './sync.enums';

/** Where a delta sync of one resource stands: the page to resume from and the high-water mark of the last full pass. */
export interface ResourceCursor {
  /** The provider's `nextCursor` of the last committed page; null when no pass is in progress. */
  cursor: string | null;
  /** Start of the pass in progress (ISO); becomes `since` once the pass completes. */
  passStartedAt: string | null;
  /** Changes since this moment (ISO) are what the next pass fetches; null before the first full pass. */
  since: string | null;
  /** When the last full pass finished (ISO): how fresh this resource is. */
  completedAt?: string | null;
}

/** Delta cursors by resource (`orders`, `listings`). */
export type ConnectionCursors = Partial<Record<'orders' | 'listings', ResourceCursor>>;

@Entity({ tableName: 'marketplace_connection' })
@ObjectType('MarketplaceConnection', { implements: Node, description: "One of the viewer's marketplace accounts. Credentials are stored encrypted and never returned; only a short hint is." })
export class MarketplaceConnection extends OwnedEntity {
  @ManyToOne({ entity: 'Platform', mapToPk: true, fieldName: 'platform_id', type: 'uuid' })
  platformId!: string;

  @Enum({ items: () => ConnectionScope, type: 'text' })
  @Field(() => ConnectionScope, { description: 'What the connection is used for.' })
  scope!: ConnectionScope;

  @Enum({ items: () => ConnectionStatus, type: 'text' })
  @Field(() => ConnectionStatus, { description: 'Health of the connection.' })
  status: ConnectionStatus = ConnectionStatus.CONNECTED;

  /** AES-256-GCM ciphertext (`v1.<keyId>.…`); hidden from serialization and never a GraphQL field. Null once disconnected. */
  @Property({ type: 'text', nullable: true, hidden: true, lazy: false })
  credentials?: string | null;

  @Property({ type: 'text', fieldName: 'credential_hint', nullable: true })
  @Field(() => String, { nullable: true, description: 'Last characters of the main secret ("…7f3a"), to tell connections apart; null for short secrets.' })
  credentialHint?: string | null;

  @Property({ type: 'text', fieldName: 'external_account_name', nullable: true })
  @Field(() => String, { nullable: true, description: 'Account or shop name the platform reported when the credentials were checked.' })
  externalAccountName?: string | null;

  @Property({ type: 'json', hidden: true })
  cursors: ConnectionCursors = {};

  @Property({ type: 'timestamptz', fieldName: 'last_sync_at', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'When a sync of this connection last finished successfully.' })
  lastSyncAt?: Date | null;

  @Property({ type: 'text', fieldName: 'last_error', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the last sync failed; null after a success. Never contains a credential.' })
  lastError?: string | null;

  @Property({ type: 'timestamptz', fieldName: 'disconnected_at', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the owner disconnected it.' })
  disconnectedAt?: Date | null;

  @Field(() => DateTimeScalar, { name: 'createdAt', description: 'When the connection was made.' })
  get created(): Date {
    return this.createdAt;
  }

  @Field(() => DateTimeScalar, { name: 'updatedAt', description: 'Last change of the connection.' })
  get updated(): Date {
    return this.updatedAt;
  }
}
