import { Cursor } from '@mikro-orm/core';
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { badUserInput } from './errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Relay page info. */
@ObjectType({ simpleResolvers: true, description: 'Where a page sits in its list.' })
export class PageInfo {
  @Field({ description: 'True when more items follow this page.' })
  hasNextPage!: boolean;

  @Field({ description: 'True when items precede this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item of the page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the page.' })
  endCursor!: string | null;
}

/** Forward and backward pagination arguments shared by every list. */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `How many items to return from the start (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}).` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Return items after this cursor.' })
  after?: string;

  @Field(() => Int, { nullable: true, description: `How many items to return from the end (at most ${MAX_PAGE_SIZE}).` })
  last?: number;

  @Field(() => String, { nullable: true, description: 'Return items before this cursor.' })
  before?: string;
}

/** Page window validated against the limits; throws BAD_USER_INPUT when out of range. */
export interface PageWindow {
  first?: number;
  after?: string;
  last?: number;
  before?: string;
  includeCount: boolean;
}

function checkSize(name: string, value: number | undefined | null): void {
  if (value === undefined || value === null) return;
  if (value < 0 || value > MAX_PAGE_SIZE) throw badUserInput(`${name} must be between 0 and ${MAX_PAGE_SIZE} (got ${value}).`);
}

/** A cursor the ORM cannot decode would otherwise surface as an internal error. */
function checkCursor(name: string, value: string | undefined | null): void {
  if (value === undefined || value === null) return;
  let decoded: unknown;
  try {
    decoded = Cursor.decode(value);
  } catch {
    decoded = undefined;
  }
  if (!Array.isArray(decoded) || !decoded.length) throw badUserInput(`${name} is not a cursor of this list; pass a startCursor or endCursor it returned.`);
}

/** Validates pagination args; counts rows only when the query selects `totalCount`. */
export function pageWindow(args: ConnectionArgs, info?: GraphQLResolveInfo): PageWindow {
  checkSize('first', args.first);
  checkSize('last', args.last);
  checkCursor('after', args.after);
  checkCursor('before', args.before);
  if (args.first != null && args.last != null) throw badUserInput('Pass either first or last, not both.');
  const backward = args.last != null || (args.before != null && args.first == null);
  return {
    first: backward ? undefined : (args.first ?? DEFAULT_PAGE_SIZE),
    last: backward ? (args.last ?? DEFAULT_PAGE_SIZE) : undefined,
    after: args.after ?? undefined,
    before: args.before ?? undefined,
    includeCount: info ? selectsField(info, 'totalCount') : true,
  };
}

function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const visit = (set: SelectionSetNode | undefined): boolean =>
    !!set?.selections.some((s) => {
      if (s.kind === Kind.FIELD) return s.name.value === name;
      if (s.kind === Kind.INLINE_FRAGMENT) return visit(s.selectionSet);
      return visit(info.fragments[s.name.value]?.selectionSet);
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet));
}

/** An edge of a connection. */
export interface Edge<T> {
  cursor: string;
  node: T;
}

/** The runtime shape of every connection. */
export interface ConnectionShape<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

type ClassType<T = unknown> = new (...args: never[]) => T;

/** Declares `<Name>Connection` and `<Name>Edge` object types for a node type. */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name: string, description: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `An edge in a ${name} list.` })
  class EdgeType {
    @Field({ description: 'Opaque cursor of this edge.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description })
  class ConnectionClass implements ConnectionShape<T> {
    @Field(() => [EdgeType], { description: 'The edges of this page.' })
    edges!: Edge<T>[];

    @Field(() => [nodeType], { description: 'The nodes of this page, without cursors.' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Where this page sits in the list.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Number of items in the whole list, across all pages.' })
    totalCount!: number;
  }
  return ConnectionClass;
}

/** Turns a MikroORM cursor page into a connection; the total is counted only when the window asked for it. */
export function connectionFromCursor<T extends object>(page: Cursor<T, never, '*', never, boolean>): ConnectionShape<T> {
  const nodes = [...page.items] as T[];
  return {
    nodes,
    edges: nodes.map((node) => ({ cursor: page.from(node as never), node })),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPrevPage,
      startCursor: page.startCursor,
      endCursor: page.endCursor,
    },
    totalCount: page.totalCount ?? 0,
  };
}
