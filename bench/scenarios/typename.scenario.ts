import { loadReport, measureGraphql, type GraphqlLoad } from '../load/graphql-load';
import type { Scenario } from '../scenario';

const TYPENAME: Omit<GraphqlLoad, 'label'> = {
  query: '{ __typename }',
  connections: 32,
  durationSeconds: 10,
  check: (data) => (data.__typename === 'Query' ? null : `expected __typename Query, got ${JSON.stringify(data)}`),
};

/** The floor of the stack: HTTP, auth, armor limits, context and execution with no data access. */
export const typenameScenario: Scenario = {
  name: 'typename',
  description: '{ __typename } — gateway overhead per request (no resolvers); authenticated, and anonymous for comparison',
  timeoutSeconds: 120,
  async run({ env, options, signal, progress }) {
    const gateway = await env.gateway();
    progress('{ __typename }: authenticated, 32 connections');
    const authenticated = await measureGraphql(gateway, { ...TYPENAME, label: '{ __typename } (API key)' }, options, signal);
    progress('{ __typename }: anonymous, 32 connections');
    const anonymous = await measureGraphql(gateway, { ...TYPENAME, label: '{ __typename } (anonymous)', authenticated: false }, options, signal);
    return loadReport('typename — { __typename }', [authenticated, anonymous], [
      'the headline figure is the authenticated row; the anonymous row shows what the per-request API-key lookup costs',
    ]);
  },
};
