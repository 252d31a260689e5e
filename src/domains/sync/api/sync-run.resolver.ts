import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../../../common/context';
import { ConnectionArgs, ConnectionType } from '../../../common/pagination';
import { Platform, PlatformByIdLoader } from '../../catalog';
import { MarketplaceConnection } from '../entities/marketplace-connection.entity';
import { SyncRun } from '../entities/sync-run.entity';
import { MarketplaceConnectionByIdLoader } from '../sync.loaders';
import { syncRunStream } from '../sync-run-stream';
import { listSyncRuns, runFromPayload } from '../sync-run.service';
import type { SyncRunPayload } from '../sync.topics';
import { SyncRunFilter } from './sync.inputs';

export const SyncRunConnection = ConnectionType(SyncRun, 'SyncRun', "A page of the viewer's sync runs.");

@Resolver(() => SyncRun)
export class SyncRunResolver {
  @Authorized()
  @Query(() => SyncRunConnection, { description: "The viewer's sync runs, newest first." })
  syncRuns(
    @Args() page: ConnectionArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => SyncRunFilter, { nullable: true, description: 'Which runs (default: all).' }) filter?: SyncRunFilter,
  ) {
    return listSyncRuns(ctx, page, filter ?? {}, info);
  }

  @Authorized()
  @Subscription(() => SyncRun, {
    description: "Progress of the viewer's sync runs (only the viewer's); with runId, that run until it finishes or its connection is disconnected.",
    subscribe: ({ args, context }) => syncRunStream(context as Context, args.runId as string | undefined),
  })
  syncRunUpdated(@Root() payload: SyncRunPayload, @Arg('runId', () => ID, { nullable: true, description: 'Only this run (its current state comes first).' }) _runId?: string) {
    return runFromPayload(payload);
  }

  @FieldResolver(() => MarketplaceConnection, { nullable: true, description: 'The connection synced; null for market-wide runs.' })
  connection(@Root() run: SyncRun, @Ctx() ctx: Context) {
    return run.connectionId ? ctx.loaders.get(MarketplaceConnectionByIdLoader).load(run.connectionId) : null;
  }

  @FieldResolver(() => Platform, { nullable: true, description: 'The platform synced; null for a run over several (the simulated market).' })
  platform(@Root() run: SyncRun, @Ctx() ctx: Context) {
    return run.platformId ? ctx.loaders.get(PlatformByIdLoader).load(run.platformId) : null;
  }
}
