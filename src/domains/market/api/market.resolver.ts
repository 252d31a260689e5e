import { Arg, Args, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../../common/context';
import { Requirement } from '../../accounts';
import { ingestSnapshotsInput } from '../ingest/ingest-input.service';
import { marketMovers, platformComparison } from '../reads/market-analytics.service';
import { IngestMarketSnapshotsInput, IngestMarketSnapshotsPayload } from './ingest-market-snapshots.input';
import { MarketMoversArgs } from './market.args';
import { MarketMove, PlatformStats } from './market-analytics.types';

@Resolver()
export class MarketResolver {
  @Query(() => [PlatformStats], { description: 'Per platform: sizes quoted and listed, average ask, average effective fee rate, sales per day and volatility, over prices observed in the last `days`.' })
  platformComparison(@Arg('days', () => Int, { nullable: true, description: 'Window in days (default 7, at most 365).' }) days: number | null, @Ctx() ctx: Context) {
    return platformComparison(ctx, days);
  }

  @Query(() => [MarketMove], { description: 'The sizes whose lowest ask moved the most (in percent, up or down) over the period, largest first.' })
  marketMovers(@Args() args: MarketMoversArgs, @Ctx() ctx: Context) {
    return marketMovers(ctx, args);
  }

  @Authorized(Requirement.ADMIN, Requirement.WRITE)
  @Mutation(() => IngestMarketSnapshotsPayload, { description: 'Admin: stores market snapshots, updates latest prices and publishes the price changes, validating every row.' })
  ingestMarketSnapshots(@Arg('input', { description: 'The snapshots and the error policy.' }) input: IngestMarketSnapshotsInput, @Ctx() ctx: Context) {
    return ingestSnapshotsInput(ctx, input);
  }
}
