/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What an account may do beyond its own data. */
export type AccountRole =
  /** May also write shared data: catalog, market data, sellers, SKU mappings. */
  | 'ADMIN'
  /** May read shared data and manage its own inventory, listings and orders. */
  | 'MEMBER';

/** A new API key for the viewer. */
export type CreateApiKeyInput = {
  /** Label to recognise the key by, e.g. "spreadsheet". */
  name: string;
  /** Scopes to grant: "read" and/or "write" (default both). */
  scopes?: Array<string> | null | undefined;
};

/** Machine-readable reason of an expected failure. */
export type ErrorCode =
  /** The object changed meanwhile or is in a state that forbids the change. */
  | 'CONFLICT'
  /** The value repeats one that must be unique. */
  | 'DUPLICATE'
  /** The price would cross the configured floor. */
  | 'FLOOR_VIOLATED'
  /** The viewer may not make this change. */
  | 'FORBIDDEN'
  /** The value is malformed or not allowed. */
  | 'INVALID'
  /** The referenced object does not exist or is not visible to the viewer. */
  | 'NOT_FOUND'
  /** The number is outside its allowed range. */
  | 'OUT_OF_RANGE'
  /** Not applied because another row of the same request failed (errorPolicy REJECT_EVERYTHING). */
  | 'REJECTED'
  /** A required value is missing or empty. */
  | 'REQUIRED'
  /** The platform or object does not support this operation. */
  | 'UNSUPPORTED';

/** How a bulk mutation treats rows that fail validation. */
export type ErrorPolicy =
  /** Write nothing when any row fails (the default). */
  | 'REJECT_EVERYTHING'
  /** Write the valid rows and report the failed ones. */
  | 'REJECT_FAILED_ROWS';

/** What an external id identifies. */
export type ExternalRefKind =
  /** A product. */
  | 'PRODUCT'
  /** A variant (size). */
  | 'VARIANT';

/** Links a platform's identifier to a product or to one of its variants (give exactly one). */
export type LinkExternalRefInput = {
  /** The platform's identifier. */
  externalId: string;
  /** Platform slug, e.g. "stockx". */
  platform: string;
  /** The product the id identifies. */
  productId?: string | number | null | undefined;
  /** The variant the id identifies. */
  variantId?: string | number | null | undefined;
};

/** Sort direction. */
export type OrderDirection =
  /** Smallest first. */
  | 'ASC'
  /** Largest first. */
  | 'DESC';

/** What kind of venue a platform is. */
export type PlatformKind =
  /** Open marketplace of many sellers (eBay, Amazon, Flipkart). */
  | 'MARKETPLACE'
  /** Bid/ask market with authentication (StockX, Alias/GOAT). */
  | 'RESALE_MARKET'
  /** The reseller's own shop (Shopify) or manual sales. */
  | 'STOREFRONT';

/** Broad product family. */
export type ProductCategory =
  /** Clothing and accessories. */
  | 'APPAREL'
  /** Toys, figures and other collectibles. */
  | 'COLLECTIBLE'
  /** Anything else. */
  | 'OTHER'
  /** Sneakers and other footwear. */
  | 'SNEAKERS'
  /** Trading cards; variants are treatments or grades. */
  | 'TRADING_CARD';

/** Narrows the product list; all given conditions must hold. */
export type ProductFilter = {
  /** Brands, case-insensitive. */
  brands?: Array<string> | null | undefined;
  /** Categories. */
  categories?: Array<ProductCategory> | null | undefined;
  /** Only these products. */
  ids?: Array<string | number> | null | undefined;
  /** Words matched (as prefixes) against SKU, brand, model, name and colorway; a style code in any format also matches. */
  search?: string | null | undefined;
  /** Only HOT or only COLD products. */
  tier?: ProductTier | null | undefined;
};

/** A product to create, or to update when its normalized SKU exists. */
export type ProductInput = {
  /** Brand. */
  brand: string;
  /** Product family. */
  category: ProductCategory;
  /** Colorway. */
  colorway?: string | null | undefined;
  /** Image URL (http or https). */
  imageUrl?: string | null | undefined;
  /** Model line. */
  model: string;
  /** Full display name. */
  name: string;
  /** Popularity 0–100 (default 0 for new products; unchanged when omitted on update). */
  popularity?: number | null | undefined;
  /** Release date. */
  releaseDate?: string | null | undefined;
  /** Currency of the retail price (default USD). */
  retailCurrency?: string | null | undefined;
  /** Retail price. */
  retailPrice?: string | null | undefined;
  /** Style code or SKU; "HQ7978 100", "hq7978-100" and "HQ7978100" are the same product. */
  sku: string;
  /** Sizes to add or update; existing sizes not listed are kept. */
  variants?: Array<VariantInput> | null | undefined;
};

/** Order of the product list (ties broken by id). */
export type ProductOrder = {
  /** Direction (default DESC). */
  direction?: OrderDirection;
  /** Sort key. */
  field: ProductOrderField;
};

/** Sort keys of the product list. */
export type ProductOrderField =
  /** When the product entered the catalog. */
  | 'CREATED_AT'
  /** Display name. */
  | 'NAME'
  /** Popularity score. */
  | 'POPULARITY'
  /** Release date (unknown dates last). */
  | 'RELEASE_DATE';

/** Popularity tier; hot products are synced more often. */
export type ProductTier =
  /** Popularity below 50. */
  | 'COLD'
  /** Popularity 50 or more. */
  | 'HOT';

/** The key to revoke. */
export type RevokeApiKeyInput = {
  /** Id of one of the viewer's keys. */
  id: string | number;
};

/** Size system of a size key. */
export type SizeSystem =
  /** European sizes. */
  | 'EU'
  /** Japanese sizes (cm). */
  | 'JP'
  /** Not a size: a card treatment, grade or one-size item. */
  | 'NONE'
  /** UK sizes. */
  | 'UK'
  /** US men's sizes. */
  | 'US_M'
  /** US women's sizes. */
  | 'US_W';

/** Products to create or update in one request. */
export type UpsertProductsInput = {
  /** What to do when some rows are invalid. */
  errorPolicy?: ErrorPolicy;
  /** The products (at most 500). */
  products: Array<ProductInput>;
};

/** Sizes to add to or update on one product. */
export type UpsertVariantsInput = {
  /** What to do when some rows are invalid. */
  errorPolicy?: ErrorPolicy;
  /** The product. */
  productId: string | number;
  /** The sizes (at most 200). */
  variants: Array<VariantInput>;
};

/** A size (or card treatment) of a product. */
export type VariantInput = {
  /** Size as shown, e.g. "10.5", "5Y", "Holo". Unique within the product. */
  sizeKey: string;
  /** Size system (default: the product's first variant's, else US_M; NONE for cards). */
  sizeSystem?: SizeSystem | null | undefined;
};

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { id: string, email: string, role: AccountRole, baseCurrency: string, apiKeys: Array<{ id: string, name: string, prefix: string, scopes: Array<string>, revokedAt: string | null }> } | null };

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateApiKeyMutation = { createApiKey: { token: string | null, apiKey: { id: string, name: string, prefix: string, scopes: Array<string> } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type RevokeApiKeyMutationVariables = Exact<{
  input: RevokeApiKeyInput;
}>;


export type RevokeApiKeyMutation = { revokeApiKey: { apiKey: { id: string, revokedAt: string | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type PlatformsQueryVariables = Exact<{ [key: string]: never; }>;


export type PlatformsQuery = { platforms: Array<{ id: string, slug: string, name: string, kind: PlatformKind, defaultCurrency: string, fees: { sellerFeeRate: string, paymentProcessingRate: string, buyerFeeRate: string, fixedFee: { amount: string, currency: string }, minimumFee: { amount: string, currency: string } }, capabilities: { marketData: boolean, listings: boolean, orders: boolean } }> };

export type ProductBySkuQueryVariables = Exact<{
  sku: string;
}>;


export type ProductBySkuQuery = { product: { id: string, sku: string, skuNormalized: string, name: string, brand: string, tier: ProductTier, variants: Array<{ id: string, sizeKey: string, numericSize: number | null, sizeSystem: SizeSystem }>, externalRefs: Array<{ externalId: string, kind: ExternalRefKind, platform: { slug: string } }> } | null };

export type ProductByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type ProductByIdQuery = { product: { id: string, sku: string, name: string } | null };

export type ProductsWithSizesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: ProductFilter | null | undefined;
  orderBy?: ProductOrder | null | undefined;
}>;


export type ProductsWithSizesQuery = { products: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, sku: string, name: string, brand: string, popularity: number, tier: ProductTier, variants: Array<{ sizeKey: string }> } }> } };

export type NodeByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeByIdQuery = { node:
    | { __typename: 'Account', id: string }
    | { __typename: 'ApiKey', id: string }
    | { __typename: 'ExternalRef', id: string }
    | { __typename: 'Platform', slug: string, id: string }
    | { __typename: 'Product', sku: string, id: string }
    | { __typename: 'Variant', sizeKey: string, id: string, product: { sku: string } }
   | null };

export type UpsertProductsMutationVariables = Exact<{
  input: UpsertProductsInput;
}>;


export type UpsertProductsMutation = { upsertProducts: { products: Array<{ id: string, sku: string, skuNormalized: string, variants: Array<{ sizeKey: string, sizeSystem: SizeSystem }> }>, results: Array<{ index: number, created: boolean, product: { sku: string } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> }>, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type UpsertVariantsMutationVariables = Exact<{
  input: UpsertVariantsInput;
}>;


export type UpsertVariantsMutation = { upsertVariants: { product: { sku: string, variants: Array<{ sizeKey: string }> } | null, variants: Array<{ id: string, sizeKey: string }>, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };

export type LinkExternalRefMutationVariables = Exact<{
  input: LinkExternalRefInput;
}>;


export type LinkExternalRefMutation = { linkExternalRef: { externalRef: { id: string, externalId: string, kind: ExternalRefKind, platform: { slug: string }, product: { sku: string }, variant: { sizeKey: string } | null } | null, errors: Array<{ field: Array<string> | null, message: string, code: ErrorCode }> } };


export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"baseCurrency"}},{"kind":"Field","name":{"kind":"Name","value":"apiKeys"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}}]}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const CreateApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"token"}},{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"prefix"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const RevokeApiKeyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeApiKey"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevokeApiKeyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeApiKey"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"apiKey"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const PlatformsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Platforms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"platforms"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"slug"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"defaultCurrency"}},{"kind":"Field","name":{"kind":"Name","value":"fees"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sellerFeeRate"}},{"kind":"Field","name":{"kind":"Name","value":"paymentProcessingRate"}},{"kind":"Field","name":{"kind":"Name","value":"buyerFeeRate"}},{"kind":"Field","name":{"kind":"Name","value":"fixedFee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"minimumFee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"capabilities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"marketData"}},{"kind":"Field","name":{"kind":"Name","value":"listings"}},{"kind":"Field","name":{"kind":"Name","value":"orders"}}]}}]}}]}}]} as unknown as DocumentNode<PlatformsQuery, PlatformsQueryVariables>;
export const ProductBySkuDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductBySku"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"sku"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"sku"},"value":{"kind":"Variable","name":{"kind":"Name","value":"sku"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"skuNormalized"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"brand"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"variants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}},{"kind":"Field","name":{"kind":"Name","value":"numericSize"}},{"kind":"Field","name":{"kind":"Name","value":"sizeSystem"}}]}},{"kind":"Field","name":{"kind":"Name","value":"externalRefs"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProductBySkuQuery, ProductBySkuQueryVariables>;
export const ProductByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ProductByIdQuery, ProductByIdQueryVariables>;
export const ProductsWithSizesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProductsWithSizes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProductFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProductOrder"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"hasPreviousPage"}},{"kind":"Field","name":{"kind":"Name","value":"startCursor"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"brand"}},{"kind":"Field","name":{"kind":"Name","value":"popularity"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"variants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProductsWithSizesQuery, ProductsWithSizesQueryVariables>;
export const NodeByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"NodeById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Product"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Variant"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Platform"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}}]}}]}}]} as unknown as DocumentNode<NodeByIdQuery, NodeByIdQueryVariables>;
export const UpsertProductsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpsertProducts"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpsertProductsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertProducts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"products"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"skuNormalized"}},{"kind":"Field","name":{"kind":"Name","value":"variants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}},{"kind":"Field","name":{"kind":"Name","value":"sizeSystem"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"results"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<UpsertProductsMutation, UpsertProductsMutationVariables>;
export const UpsertVariantsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpsertVariants"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpsertVariantsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"upsertVariants"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}},{"kind":"Field","name":{"kind":"Name","value":"variants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"variants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<UpsertVariantsMutation, UpsertVariantsMutationVariables>;
export const LinkExternalRefDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LinkExternalRef"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LinkExternalRefInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"linkExternalRef"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"externalRef"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"externalId"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"platform"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"slug"}}]}},{"kind":"Field","name":{"kind":"Name","value":"product"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sku"}}]}},{"kind":"Field","name":{"kind":"Name","value":"variant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sizeKey"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"code"}}]}}]}}]}}]} as unknown as DocumentNode<LinkExternalRefMutation, LinkExternalRefMutationVariables>;