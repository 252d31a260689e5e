import { registerEnumType } from 'type-graphql';

/** How a bulk mutation treats rows that fail validation. */
export enum ErrorPolicy {
  REJECT_EVERYTHING = 'REJECT_EVERYTHING',
  REJECT_FAILED_ROWS = 'REJECT_FAILED_ROWS',
}

registerEnumType(ErrorPolicy, {
  name: 'ErrorPolicy',
  description: 'How a bulk mutation treats rows that fail validation.',
  valuesConfig: {
    REJECT_EVERYTHING: { description: 'Write nothing when any row fails (the default).' },
    REJECT_FAILED_ROWS: { description: 'Write the valid rows and report the failed ones.' },
  },
});
