import { accountEntities, accountResolvers } from './accounts';
import { catalogEntities, catalogResolvers } from './catalog';
import { inventoryEntities, inventoryResolvers } from './inventory';
import { marketEntities, marketResolvers } from './market';
import { sellingEntities, sellingResolvers } from './selling';
import { syncEntities, syncResolvers } from './sync';

/** Every entity of every domain, for the ORM. */
export const entities = [...accountEntities, ...catalogEntities, ...marketEntities, ...syncEntities, ...inventoryEntities, ...sellingEntities];

/** Every resolver of every domain, for the schema. */
export const resolvers = [...accountResolvers, ...catalogResolvers, ...marketResolvers, ...syncResolvers, ...inventoryResolvers, ...sellingResolvers] as const;
