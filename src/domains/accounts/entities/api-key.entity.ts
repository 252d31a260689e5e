import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../../common/node';
import { OwnedEntity } from '../../../common/orm/base.entity';
import { DateTimeScalar } from '../../../common/scalars';

@Entity({ tableName: 'api_key' })
@Index({ properties: ['accountId'] })
@ObjectType('ApiKey', { implements: Node, description: 'An API key of the viewer. The secret is shown once, at creation, and stored only as a hash.' })
export class ApiKey extends OwnedEntity {
  @Property({ type: 'text' })
  @Field({ description: 'Label chosen by the owner, e.g. "spreadsheet".' })
  name!: string;

  @Unique()
  @Property({ type: 'text' })
  @Field({ description: 'Public part of the key (mg_<prefix>_...), safe to show to identify it.' })
  prefix!: string;

  @Property({ type: 'text', fieldName: 'secret_hash', hidden: true })
  secretHash!: string;

  @Property({ type: 'text[]' })
  @Field(() => [String], { description: 'Scopes granted: "read" and/or "write".' })
  scopes: string[] = ['read', 'write'];

  @Property({ type: 'timestamptz', fieldName: 'last_used_at', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'Last time the key authenticated a request (minute precision).' })
  lastUsedAt?: Date | null;

  @Property({ type: 'timestamptz', fieldName: 'revoked_at', nullable: true })
  @Field(() => DateTimeScalar, { nullable: true, description: 'When the key was revoked; a revoked key authenticates nothing.' })
  revokedAt?: Date | null;

  @Field(() => DateTimeScalar, { name: 'createdAt', description: 'When the key was created.' })
  get created(): Date {
    return this.createdAt;
  }
}
