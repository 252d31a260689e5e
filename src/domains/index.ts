import { accountEntities, accountResolvers } from './accounts';
import { catalogEntities, catalogResolvers } from './catalog';
import { marketEntities, marketResolvers } from './market';

/** Every entity of every domain, for the ORM. */
export const entities = [...accountEntities, ...catalogEntities, ...marketEntities];

/** Every resolver of every domain, for the schema. */
export const resolvers = [...accountResolvers, ...catalogResolvers, ...marketResolvers] as const;
