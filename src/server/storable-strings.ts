import { GraphQLError, visit, type DocumentNode } from 'graphql';

/** What PostgreSQL refuses in text: NUL, and UTF-16 surrogates without their pair (they have no UTF-8 encoding). */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const RULE = 'must not contain NUL (\\u0000) or unpaired UTF-16 surrogates';

function unstorableIn(value: unknown, path: string): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = unstorableIn(item, `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = unstorableIn(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

/**
 * BAD_USER_INPUT for the first string of an operation — a literal in the document or anywhere in its variables —
 * that PostgreSQL could not store; null when there is none. Checked at the boundary of both transports so such a
 * string never reaches a resolver (and a failing INSERT never reaches the logs).
 */
export function unstorableStringError(document: DocumentNode, variables: Record<string, unknown> | null | undefined): GraphQLError | null {
  let error: GraphQLError | null = null;
  visit(document, {
    StringValue(node) {
      if (!error && UNSTORABLE.test(node.value)) error = new GraphQLError(`A string ${RULE}.`, { nodes: node, extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
    },
  });
  if (error) return error;
  const path = unstorableIn(variables ?? {}, '$');
  return path ? new GraphQLError(`Variable ${path.replace(/^\$\./, '$')} ${RULE}.`, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } }) : null;
}
