import { registerEnumType } from 'type-graphql';

/** What kind of venue a platform is. */
export enum PlatformKind {
  RESALE_MARKET = 'RESALE_MARKET',
  MARKETPLACE = 'MARKETPLACE',
  STOREFRONT = 'STOREFRONT',
}

/** Broad product family. */
export enum ProductCategory {
  SNEAKERS = 'SNEAKERS',
  APPAREL = 'APPAREL',
  TRADING_CARD = 'TRADING_CARD',
  COLLECTIBLE = 'COLLECTIBLE',
  OTHER = 'OTHER',
}

/** Popularity tier driving sync frequency. */
export enum ProductTier {
  HOT = 'HOT',
  COLD = 'COLD',
}

/** Size system of a variant's size key. */
export enum SizeSystem {
  US_M = 'US_M',
  US_W = 'US_W',
  EU = 'EU',
  UK = 'UK',
  JP = 'JP',
  NONE = 'NONE',
}

/** What an external id identifies. */
export enum ExternalRefKind {
  PRODUCT = 'PRODUCT',
  VARIANT = 'VARIANT',
}

registerEnumType(PlatformKind, {
  name: 'PlatformKind',
  description: 'What kind of venue a platform is.',
  valuesConfig: {
    RESALE_MARKET: { description: 'Bid/ask market with authentication (StockX, Alias/GOAT).' },
    MARKETPLACE: { description: 'Open marketplace of many sellers (eBay, Amazon, Flipkart).' },
    STOREFRONT: { description: "The reseller's own shop (Shopify) or manual sales." },
  },
});
registerEnumType(ProductCategory, {
  name: 'ProductCategory',
  description: 'Broad product family.',
  valuesConfig: {
    SNEAKERS: { description: 'Sneakers and other footwear.' },
    APPAREL: { description: 'Clothing and accessories.' },
    TRADING_CARD: { description: 'Trading cards; variants are treatments or grades.' },
    COLLECTIBLE: { description: 'Toys, figures and other collectibles.' },
    OTHER: { description: 'Anything else.' },
  },
});
registerEnumType(ProductTier, {
  name: 'ProductTier',
  description: 'Popularity tier; hot products are synced more often.',
  valuesConfig: { HOT: { description: 'Popularity 50 or more.' }, COLD: { description: 'Popularity below 50.' } },
});
registerEnumType(SizeSystem, {
  name: 'SizeSystem',
  description: 'Size system of a size key.',
  valuesConfig: {
    US_M: { description: "US men's sizes." },
    US_W: { description: "US women's sizes." },
    EU: { description: 'European sizes.' },
    UK: { description: 'UK sizes.' },
    JP: { description: 'Japanese sizes (cm).' },
    NONE: { description: 'Not a size: a card treatment, grade or one-size item.' },
  },
});
registerEnumType(ExternalRefKind, {
  name: 'ExternalRefKind',
  description: 'What an external id identifies.',
  valuesConfig: { PRODUCT: { description: 'A product.' }, VARIANT: { description: 'A variant (size).' } },
});
