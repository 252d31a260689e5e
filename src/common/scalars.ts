import Decimal from 'decimal.js';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

export {
  CurrencyResolver as CurrencyScalar,
  DateTimeResolver as DateTimeScalar,
  JSONObjectResolver as JSONObjectScalar,
  LocalDateResolver as LocalDateScalar,
  NonNegativeIntResolver as NonNegativeIntScalar,
  PositiveIntResolver as PositiveIntScalar,
  UUIDResolver as UUIDScalar,
} from 'graphql-scalars';

const DECIMAL_PATTERN = /^-?\d{1,15}(\.\d{1,10})?$/;

function parseDecimal(value: unknown): Decimal {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !DECIMAL_PATTERN.test(text.trim())) {
    throw new GraphQLError(`Decimal must be a string like "123.45" (got ${JSON.stringify(value)}).`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return new Decimal(text.trim());
}

/** Exact decimal for money and rates, serialized as a string so no client parses it into a float. */
export const DecimalScalar = new GraphQLScalarType<Decimal, string>({
  name: 'Decimal',
  description: 'An exact decimal number serialized as a string, e.g. "129.99". Used for money and rates; never a float.',
  serialize(value) {
    if (value instanceof Decimal) return value.toFixed();
    if (typeof value === 'string' || typeof value === 'number') return new Decimal(value).toFixed();
    throw new GraphQLError(`Decimal cannot represent ${String(value)}`);
  },
  parseValue: parseDecimal,
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return parseDecimal(ast.value);
    throw new GraphQLError('Decimal must be a string like "123.45".', { extensions: { code: 'BAD_USER_INPUT' } });
  },
});
