import { Entity, Enum, Filter, ManyToOne, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../../../common/node';
import { BaseEntity } from '../../../common/orm/base.entity';
import { DateTimeScalar } from '../../../common/scalars';
import { SyncKind, SyncRunStatus, SyncTrigger } from './sync.enums';

/** What a market data run covers (a tier or explicit products); connection runs leave it empty. */
export interface SyncRunRequest {
  /** Market source: 'simulated' or the id of the MARKET_DATA connection whose credentials fetch the prices. */
  source?: string;
  /** HOT: hot products; SCHEDULED: hot ones plus cold ones not synced for a day. */
  tier?: 'HOT' | 'SCHEDULED';
  productIds?: string[];
  variantIds?: string[];
}

// Runs of a connection belong to its account; market-wide runs (no account) are visible to nobody through the tenant filter.
@Filter({ name: 'tenant', cond: (args: { accountId: string }) => ({ accountId: args.accountId }), default: true })
@Entity({ tableName: 'sync_run' })
@ObjectType('SyncRun', { implements: Node, description: 'One execution of a sync: what it fetched and wrote, and how it ended.' })
export class SyncRun extends BaseEntity {
  @ManyToOne({ entity: 'Account', mapToPk: true, fieldName: 'account_id', type: 'uuid', nullable: true })
  accountId?: string | null;

  @ManyToOne({ entity: 'MarketplaceConnection', mapToPk: true, fieldName: 'connection_id', type: 'uuid', nullable: true })
  connectionId?: string | null;

  /** Null for a run over several platforms at once (the simulated market). */
  @ManyToOne({ entity: 'Platform', mapToPk: true, fieldName: 'platform_id', type: 'uuid', nullable: true })
  platformId?: string | null;

  @Enum({ items: () => SyncKind, type: 'text' })
  @Field(() => SyncKind, { description: 'What the run fetches.' })
  kind!: SyncKind;

  @Enum({ items: () => SyncTrigger, type: 'text' })
  @Field(() => SyncTrigger, { description: 'What asked for it.' })
  trigger!: SyncTrigger;

  @Enum({ items: () => SyncRunStatus, type: 'text' })
  @Field(() => SyncRunStatus, { description: 'Progress; SUCCEEDED, PARTIAL and FAILED are final.' })
  status: SyncRunStatus = SyncRunStatus.QUEUED;

  /** `${connectionId}:${kind}` (or `market:<platform>:<scope>`): at most one QUEUED/RUNNING run per key. */
  @Property({ type: 'text', fieldName: 'singleton_key' })
  singletonKey!: string;

  @Property({ type: 'json' })
  request: SyncRunRequest = {};

  @Property({ type: 'integer', fieldName: 'fetched_count' })
  @Field(() => Int, { name: 'fetched', description: 'Items received from the platform.' })
  fetchedCount: number = 0;

  @Property({ type: 'integer', fieldName: 'written_count' })
  @Field(() => Int, { name: 'written', description: 'Rows written (inserted or changed).' })
  writtenCount: number = 0;

  @Property({ type: 'integer', fieldName: 'failed_count' })
  @Field(() => Int, { name: 'failed', description: 'Items that could not be fetched or written.' })
  failedCount: number = 0;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Pages committed so far.' })
  pages: number = 0;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'How many times a worker started this run (more than one after a crash or a retry).' })
  attempts: number = 0;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why the run failed or was partial; never contains a credential.' })
  error?: string | null;

  @Property({ type: 'text', fieldName: 'error_reason', nullable: true })
  @Field(() => String, { nullable: true, description: 'Machine-readable reason, e.g. UNAUTHORIZED, RATE_LIMITED, WORKER_LOST, CREDENTIALS_UNREADABLE.' })
  errorReason?: string | null;

  @Property({ type: 'uuid', fieldName: 'job_id', nullable: true })
  jobId?: string | null;

  /** Fencing token of the worker holding the run: page commits and the final update only apply while it matches. */
  @Property({ type: 'uuid', fieldName: 'lease_token', nullable: true, hidden: true })
  leaseToken?: string | null;

  /** The process that last claimed the run (`host:pid`), for operators. */
  @Property({ type: 'text', nullable: true })
  worker?: string | null;

  @Property({ type: 'timestamptz', fieldName: 'started_at', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'When a worker first started it.' })
  startedAt?: Date | null;

  @Property({ type: 'timestamptz', fieldName: 'finished_at', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it reached a final status.' })
  finishedAt?: Date | null;

  @Property({ type: 'timestamptz', fieldName: 'heartbeat_at', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'Last sign of life of the worker running it.' })
  heartbeatAt?: Date | null;

  @Field(() => DateTimeScalar, { name: 'createdAt', description: 'When the run was requested.' })
  get created(): Date {
    return this.createdAt;
  }
}
