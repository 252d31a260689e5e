import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../common/context';
import { badUserInput } from '../common/errors';
import { loadNode, Node } from '../common/node';

const MAX_NODES = 100;

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Fetches any object by its global id; null when it does not exist or is not visible to the viewer.' })
  node(@Arg('id', () => ID, { description: 'Global id.' }) id: string, @Ctx() ctx: Context) {
    return loadNode(ctx, id);
  }

  @Query(() => [Node], { nullable: 'items', description: `Fetches up to ${MAX_NODES} objects by global id, in order; null entries for ids that do not resolve.` })
  nodes(@Arg('ids', () => [ID], { description: 'Global ids.' }) ids: string[], @Ctx() ctx: Context) {
    if (ids.length > MAX_NODES) throw badUserInput(`nodes takes at most ${MAX_NODES} ids (got ${ids.length}).`);
    return Promise.all(ids.map((id) => loadNode(ctx, id)));
  }
}
