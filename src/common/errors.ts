import { GraphQLError } from 'graphql';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

/** Machine-readable reason of an expected failure returned in a payload's `errors`. */
export enum ErrorCode {
  INVALID = 'INVALID',
  REQUIRED = 'REQUIRED',
  NOT_FOUND = 'NOT_FOUND',
  DUPLICATE = 'DUPLICATE',
  CONFLICT = 'CONFLICT',
  FORBIDDEN = 'FORBIDDEN',
  OUT_OF_RANGE = 'OUT_OF_RANGE',
  FLOOR_VIOLATED = 'FLOOR_VIOLATED',
  UNSUPPORTED = 'UNSUPPORTED',
  REJECTED = 'REJECTED',
}

registerEnumType(ErrorCode, {
  name: 'ErrorCode',
  description: 'Machine-readable reason of an expected failure.',
  valuesConfig: {
    INVALID: { description: 'The value is malformed or not allowed.' },
    REQUIRED: { description: 'A required value is missing or empty.' },
    NOT_FOUND: { description: 'The referenced object does not exist or is not visible to the viewer.' },
    DUPLICATE: { description: 'The value repeats one that must be unique.' },
    CONFLICT: { description: 'The object changed meanwhile or is in a state that forbids the change.' },
    FORBIDDEN: { description: 'The viewer may not make this change.' },
    OUT_OF_RANGE: { description: 'The number is outside its allowed range.' },
    FLOOR_VIOLATED: { description: 'The price would cross the configured floor.' },
    UNSUPPORTED: { description: 'The platform or object does not support this operation.' },
    REJECTED: { description: 'Not applied because another row of the same request failed (errorPolicy REJECT_EVERYTHING).' },
  },
});

/** An expected failure returned as data in a mutation payload. */
@ObjectType({ description: 'An expected failure of a mutation: validation, not found, conflict, floor violated.' })
export class UserError {
  @Field(() => [String], { nullable: true, description: 'Path to the input field at fault, e.g. ["products", "2", "sku"].' })
  field?: string[];

  @Field({ description: 'Human-readable explanation, safe to show to the user.' })
  message!: string;

  @Field(() => ErrorCode, { description: 'Machine-readable reason.' })
  code!: ErrorCode;

  constructor(code: ErrorCode, message: string, field?: (string | number)[]) {
    this.code = code;
    this.message = message;
    this.field = field?.map(String);
  }
}

/** Builds a {@link UserError}; `field` is the input path at fault. */
export const userError = (code: ErrorCode, message: string, field?: (string | number)[]) =>
  new UserError(code, message, field);

/** Thrown for malformed input that GraphQL validation cannot catch (e.g. `first` out of range). */
export const badUserInput = (message: string) =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });

/** Thrown when a request carries no usable credentials for an operation that needs them. */
export const unauthenticated = (message = 'Authentication required: send Authorization: Bearer <api key>.') =>
  new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });

/** Thrown when the viewer is authenticated but lacks the role or scope. */
export const forbidden = (message: string) => new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
