import { waitFor } from './wait';

/** Live subscriptions on the gateway at `baseUrl` (its `marketgraph_graphql_subscriptions` gauge). */
export async function liveSubscriptions(baseUrl: string): Promise<number> {
  const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
  return Number(/^marketgraph_graphql_subscriptions (\d+)/m.exec(metrics)?.[1] ?? 0);
}

/** Waits until the gateway holds at least `count` live subscriptions: from then on they see every event published. */
export async function untilSubscriptions(baseUrl: string, count: number): Promise<void> {
  await waitFor(`${count} live subscription(s) on the gateway`, async () => (await liveSubscriptions(baseUrl)) >= count);
}
