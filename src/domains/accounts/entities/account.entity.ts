import { Entity, Enum, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../../common/node';
import { BaseEntity } from '../../../common/orm/base.entity';
import { CurrencyScalar, DateTimeScalar } from '../../../common/scalars';

/** What an account may do beyond its own data. */
export enum AccountRoleEnum {
  ADMIN = 'ADMIN',
  MEMBER = 'MEMBER',
}

registerEnumType(AccountRoleEnum, {
  name: 'AccountRole',
  description: 'What an account may do beyond its own data.',
  valuesConfig: {
    ADMIN: { description: 'May also write shared data: catalog, market data, sellers, SKU mappings.' },
    MEMBER: { description: 'May read shared data and manage its own inventory, listings and orders.' },
  },
});

@Entity({ tableName: 'account' })
@ObjectType('Account', { implements: Node, description: 'A reseller account: the owner of inventory, listings, orders and API keys.' })
export class Account extends BaseEntity {
  @Unique()
  @Property({ type: 'text' })
  @Field({ description: 'Login email, unique, stored in lower case.' })
  email!: string;

  @Property({ type: 'text' })
  @Field({ description: 'Display name.' })
  name!: string;

  @Property({ type: 'character(3)', fieldName: 'base_currency' })
  @Field(() => CurrencyScalar, { description: 'Currency that reports and profits are converted to.' })
  baseCurrency: string = 'USD';

  @Enum({ items: () => AccountRoleEnum, type: 'text' })
  @Field(() => AccountRoleEnum, { description: 'ADMIN or MEMBER.' })
  role: AccountRoleEnum = AccountRoleEnum.MEMBER;

  @Field(() => DateTimeScalar, { name: 'createdAt', description: 'When the account was created.' })
  get created(): Date {
    return this.createdAt;
  }
}
