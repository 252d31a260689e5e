import { accountEntities, accountResolvers } from './accounts';
import { catalogEntities, catalogResolvers } from './catalog';

/** Every entity of every domain, for the ORM. */
export const entities = [...accountEntities, ...catalogEntities];

/** Every resolver of every domain, for the schema. */
export const resolvers = [...accountResolvers, ...catalogResolvers] as const;
