import { Field, ID, InterfaceType } from 'type-graphql';
import type { Context, LoaderFactory } from './context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Encodes a type name and a UUID as an opaque global id. */
export const toGlobalId = (type: string, uuid: string): string => Buffer.from(`${type}:${uuid}`).toString('base64url');

/** Decodes a global id; null when malformed. */
export function fromGlobalId(id: string): { type: string; uuid: string } | null {
  const text = Buffer.from(String(id), 'base64url').toString('utf8');
  const colon = text.indexOf(':');
  if (colon < 1) return null;
  const type = text.slice(0, colon);
  const uuid = text.slice(colon + 1);
  return UUID.test(uuid) ? { type, uuid: uuid.toLowerCase() } : null;
}

/** The UUID behind a global id of the given type, or null when it is malformed or of another type. */
export function uuidOf(id: string, type: string): string | null {
  const decoded = fromGlobalId(id);
  return decoded && decoded.type === type ? decoded.uuid : null;
}

/** An object with a global id, fetchable through `node(id)`. */
@InterfaceType({
  description: 'An object with a globally unique, opaque id that `node(id:)` can fetch.',
  resolveType: (value: { constructor: { name: string } }) => nodeTypeName(value),
})
export abstract class Node {
  @Field(() => ID, { name: 'id', description: 'Globally unique, opaque id.' })
  get globalId(): string {
    return toGlobalId(nodeTypeName(this), (this as unknown as { id: string }).id);
  }
}

interface NodeRegistration {
  loader: LoaderFactory<string, unknown | null>;
  visible?: (ctx: Context) => boolean;
}

const registry = new Map<string, NodeRegistration>();
const typeNames = new Map<Function, string>();

/** Makes a type fetchable by `node(id)`; called by the domain owning the type. */
export function registerNodeType(cls: Function, typeName: string, registration: NodeRegistration): void {
  typeNames.set(cls, typeName);
  registry.set(typeName, registration);
}

function nodeTypeName(value: object): string {
  let proto = Object.getPrototypeOf(value);
  while (proto && proto !== Object.prototype) {
    const name = typeNames.get(proto.constructor);
    if (name) return name;
    proto = Object.getPrototypeOf(proto);
  }
  throw new Error(`${value.constructor.name} is not a registered Node type`);
}

/** Loads any registered node by global id, returning null for unknown, malformed or invisible ids. */
export async function loadNode(ctx: Context, id: string): Promise<unknown | null> {
  const decoded = fromGlobalId(id);
  const registration = decoded && registry.get(decoded.type);
  if (!decoded || !registration) return null;
  if (registration.visible && !registration.visible(ctx)) return null;
  return ctx.loaders.get(registration.loader).load(decoded.uuid);
}
