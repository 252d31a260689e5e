import { registerEnumType } from 'type-graphql';

/** Where a market snapshot came from. */
export enum MarketDataSource {
  API = 'API',
  CSV = 'CSV',
  MANUAL = 'MANUAL',
  SIMULATED = 'SIMULATED',
}

/** A tracked market price of a variant on a platform. */
export enum PriceField {
  LOWEST_ASK = 'LOWEST_ASK',
  HIGHEST_BID = 'HIGHEST_BID',
  LAST_SALE = 'LAST_SALE',
}

/** What a price alert watches for. */
export enum PriceAlertCondition {
  LOWEST_ASK_BELOW = 'LOWEST_ASK_BELOW',
  HIGHEST_BID_ABOVE = 'HIGHEST_BID_ABOVE',
  CHANGE_PERCENT = 'CHANGE_PERCENT',
}

/** Bucket width of a price history. */
export enum HistoryInterval {
  HOUR = 'HOUR',
  DAY = 'DAY',
}

/** Look-back window of the market movers ranking. */
export enum MoverPeriod {
  HOUR = 'HOUR',
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}

/** Which market price a payout estimate assumes the item sells at. */
export enum PayoutBasis {
  LOWEST_ASK = 'LOWEST_ASK',
  HIGHEST_BID = 'HIGHEST_BID',
  LAST_SALE = 'LAST_SALE',
}

registerEnumType(MarketDataSource, {
  name: 'MarketDataSource',
  description: 'Where a market snapshot came from.',
  valuesConfig: {
    API: { description: "A platform's API." },
    CSV: { description: 'An imported file.' },
    MANUAL: { description: 'Entered by an admin.' },
    SIMULATED: { description: 'The deterministic market simulator (demo and benchmarks); not real prices.' },
  },
});
registerEnumType(PriceField, {
  name: 'PriceField',
  description: 'A tracked market price of a variant on a platform.',
  valuesConfig: {
    LOWEST_ASK: { description: 'The cheapest ask (what a buyer pays now, before buyer fees).' },
    HIGHEST_BID: { description: 'The highest bid (what a seller gets now, before seller fees).' },
    LAST_SALE: { description: 'The price of the most recent sale.' },
  },
});
registerEnumType(PriceAlertCondition, {
  name: 'PriceAlertCondition',
  description: 'What a price alert watches for. Alerts fire when the condition starts to hold, not on every update while it holds.',
  valuesConfig: {
    LOWEST_ASK_BELOW: { description: 'The lowest ask drops below the threshold (an amount in the alert currency).' },
    HIGHEST_BID_ABOVE: { description: 'The highest bid rises above the threshold (an amount in the alert currency).' },
    CHANGE_PERCENT: { description: 'The lowest ask moves by at least the threshold percent, up or down, in one update.' },
  },
});
registerEnumType(HistoryInterval, {
  name: 'HistoryInterval',
  description: 'Bucket width of a price history; buckets are aligned to UTC.',
  valuesConfig: { HOUR: { description: 'One bucket per hour.' }, DAY: { description: 'One bucket per UTC day.' } },
});
registerEnumType(MoverPeriod, {
  name: 'MoverPeriod',
  description: 'Look-back window of the market movers ranking.',
  valuesConfig: {
    HOUR: { description: 'The last hour.' },
    DAY: { description: 'The last 24 hours.' },
    WEEK: { description: 'The last 7 days.' },
    MONTH: { description: 'The last 30 days.' },
  },
});
registerEnumType(PayoutBasis, {
  name: 'PayoutBasis',
  description: 'Which market price a payout estimate assumes the item sells at.',
  valuesConfig: {
    LOWEST_ASK: { description: 'Listing at the current lowest ask.' },
    HIGHEST_BID: { description: 'Selling now into the highest bid.' },
    LAST_SALE: { description: 'Selling at the last sale price.' },
  },
});
