import { Filter, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Node } from '../node';

/** Columns every table has: a UUID key and creation/update times. */
export abstract class BaseEntity extends Node {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'globalId' | 'created' | 'updated';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'timestamptz', fieldName: 'created_at' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', fieldName: 'updated_at', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** Rows owned by one account; the `tenant` filter limits every ORM read to the viewer's account. */
@Filter({ name: 'tenant', cond: (args: { accountId: string }) => ({ accountId: args.accountId }), default: true })
export abstract class OwnedEntity extends BaseEntity {
  @ManyToOne({ entity: 'Account', mapToPk: true, fieldName: 'account_id', type: 'uuid' })
  accountId!: string;
}
