import { registerEnumType } from 'type-graphql';

/** Physical condition of an inventory item. */
export enum ItemCondition {
  NEW = 'NEW',
  NEW_DEFECTS = 'NEW_DEFECTS',
  USED = 'USED',
}

/** Where an inventory item stands. */
export enum InventoryStatus {
  IN_STOCK = 'IN_STOCK',
  LISTED = 'LISTED',
  SOLD = 'SOLD',
  RETURNED = 'RETURNED',
  REMOVED = 'REMOVED',
}

/** Which market price a valuation or estimate is built on. */
export enum PriceBasis {
  OUR_ASK = 'OUR_ASK',
  LOWEST_ASK = 'LOWEST_ASK',
  HIGHEST_BID = 'HIGHEST_BID',
  LAST_SALE = 'LAST_SALE',
}

registerEnumType(ItemCondition, {
  name: 'ItemCondition',
  description: 'Physical condition of an inventory item.',
  valuesConfig: {
    NEW: { description: 'Deadstock: new, unworn, with the original box.' },
    NEW_DEFECTS: { description: 'New with defects (damaged box, factory flaws).' },
    USED: { description: 'Worn or used.' },
  },
});
registerEnumType(InventoryStatus, {
  name: 'InventoryStatus',
  description: 'Where an inventory item stands; LISTED and SOLD follow its listings.',
  valuesConfig: {
    IN_STOCK: { description: 'Owned and not offered anywhere.' },
    LISTED: { description: 'Offered on at least one platform (an active or pending listing).' },
    SOLD: { description: 'Every unit sold.' },
    RETURNED: { description: 'Came back from a buyer; can be listed again.' },
    REMOVED: { description: 'Taken out of the inventory by the seller (kept for history).' },
  },
});
registerEnumType(PriceBasis, {
  name: 'PriceBasis',
  description: 'Which price an estimate is built on.',
  valuesConfig: {
    OUR_ASK: { description: "The item's own ask on that platform." },
    LOWEST_ASK: { description: "The market's lowest ask: what listing competitively would fetch." },
    HIGHEST_BID: { description: "The market's highest bid: what selling right now fetches." },
    LAST_SALE: { description: 'The last sale on the platform.' },
  },
});
