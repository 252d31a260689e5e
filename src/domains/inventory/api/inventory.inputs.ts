import type Decimal from 'decimal.js';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../../common/errors';
import { DateTimeScalar, DecimalScalar } from '../../../common/scalars';
import { InventoryStatus, ItemCondition } from '../entities/inventory.enums';
import { InventoryItem } from '../entities/inventory-item.entity';

@InputType({ description: 'Units of one size the viewer bought.' })
export class AddInventoryItemInput {
  @Field(() => ID, { description: 'The size (variant) bought.' })
  variantId!: string;

  @Field(() => Int, { defaultValue: 1, description: 'Units bought together at one unit price (1 to 10,000; default 1).' })
  quantity: number = 1;

  @Field(() => DecimalScalar, { description: 'What one unit cost, at most 2 decimal places.' })
  purchasePrice!: Decimal;

  @Field(() => String, { nullable: true, description: "ISO 4217 currency of the purchase price, e.g. \"USD\" (default: the viewer's base currency)." })
  purchaseCurrency?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was bought (default: now); never in the future.' })
  purchasedAt?: Date | null;

  @Field(() => ItemCondition, { nullable: true, description: 'Physical condition (default NEW).' })
  condition?: ItemCondition | null;

  @Field(() => String, { nullable: true, description: 'Free-text notes (at most 2,000 characters).' })
  notes?: string | null;
}

@InputType({ description: 'Changes to one of the viewer\'s inventory items; omitted fields stay as they are.' })
export class UpdateInventoryItemInput {
  @Field(() => ID, { description: 'The item.' })
  id!: string;

  @Field(() => Int, { nullable: true, description: 'Units bought (at least the units already sold).' })
  quantity?: number | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'What one unit cost. Listings keep the cost basis they were created with.' })
  purchasePrice?: Decimal | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 currency of the purchase price.' })
  purchaseCurrency?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was bought; never in the future.' })
  purchasedAt?: Date | null;

  @Field(() => ItemCondition, { nullable: true, description: 'Physical condition.' })
  condition?: ItemCondition | null;

  @Field(() => String, { nullable: true, description: 'Notes; an empty string clears them.' })
  notes?: string | null;
}

@InputType({ description: 'Takes one of the viewer\'s items out of the inventory (kept, with status REMOVED).' })
export class RemoveInventoryItemInput {
  @Field(() => ID, { description: 'The item.' })
  id!: string;
}

@ObjectType({ description: 'Result of addInventoryItem, updateInventoryItem or removeInventoryItem.' })
export class InventoryItemPayload {
  @Field(() => InventoryItem, { nullable: true, description: 'The item as written; null when nothing was written.' })
  inventoryItem?: InventoryItem | null;

  @Field(() => [UserError], { description: 'Why nothing was written.' })
  errors!: UserError[];
}

@InputType({ description: 'Narrows the inventory; all given conditions must hold.' })
export class InventoryFilter {
  @Field(() => [InventoryStatus], { nullable: true, description: 'Only these statuses (default: every status but REMOVED).' })
  statuses?: InventoryStatus[] | null;

  @Field(() => [ItemCondition], { nullable: true, description: 'Only these conditions.' })
  conditions?: ItemCondition[] | null;

  @Field(() => [ID], { nullable: true, description: 'Only items of these sizes.' })
  variantIds?: string[] | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only items bought at or after this time.' })
  purchasedFrom?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only items bought before this time.' })
  purchasedTo?: Date | null;
}
