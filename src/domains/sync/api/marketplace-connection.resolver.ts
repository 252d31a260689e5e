import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../../common/context';
import { Requirement } from '../../accounts';
import { Platform, PlatformByIdLoader } from '../../catalog';
import { connectMarketplace, disconnectMarketplace, listConnections } from '../connection.service';
import { MarketplaceConnection } from '../entities/marketplace-connection.entity';
import { syncConnection } from '../sync-request.service';
import {
  ConnectMarketplaceInput,
  ConnectMarketplacePayload,
  DisconnectMarketplaceInput,
  DisconnectMarketplacePayload,
  SyncConnectionInput,
  SyncConnectionPayload,
} from './sync.inputs';

@Resolver(() => MarketplaceConnection)
export class MarketplaceConnectionResolver {
  @Authorized()
  @Query(() => [MarketplaceConnection], { description: "The viewer's marketplace connections, oldest first. Never a credential: only a short hint." })
  connections(@Ctx() ctx: Context) {
    return listConnections(ctx);
  }

  @Authorized(Requirement.WRITE)
  @Mutation(() => ConnectMarketplacePayload, { description: 'Connects a marketplace account after the platform accepted its credentials; connecting again replaces them.' })
  connectMarketplace(@Arg('input', { description: 'Platform, scope and credentials.' }) input: ConnectMarketplaceInput, @Ctx() ctx: Context) {
    return connectMarketplace(ctx, input);
  }

  @Authorized(Requirement.WRITE)
  @Mutation(() => DisconnectMarketplacePayload, { description: 'Disconnects a marketplace: erases its credentials, fails its pending syncs and ends its streams.' })
  disconnectMarketplace(@Arg('input', { description: 'The connection.' }) input: DisconnectMarketplaceInput, @Ctx() ctx: Context) {
    return disconnectMarketplace(ctx, input);
  }

  @Authorized(Requirement.WRITE)
  @Mutation(() => SyncConnectionPayload, { description: 'Syncs a connection now; repeated requests while one is queued or running return that run.' })
  syncConnection(@Arg('input', { description: 'The connection and what to sync.' }) input: SyncConnectionInput, @Ctx() ctx: Context) {
    return syncConnection(ctx, input);
  }

  @FieldResolver(() => Platform, { description: 'The platform connected to.' })
  platform(@Root() connection: MarketplaceConnection, @Ctx() ctx: Context) {
    return ctx.loaders.get(PlatformByIdLoader).load(connection.platformId);
  }
}
