import { Redis } from 'ioredis';
import { CreatePriceAlertDocument, IngestMarketSnapshotsDocument } from '../generated/graphql';
import { startTestApp, type TestApp } from '../support/app';
import { collect, createProducts, waitFor, type TestProduct } from './market-support';
import { describeWithRedis } from '../support/redis';

describeWithRedis('two gateways sharing one Redis and one database', (redisUrl) => {
  let gatewayA: TestApp;
  let gatewayB: TestApp;
  let redis: Redis;
  let product: TestProduct;
  let admin: string;

  beforeAll(async () => {
    gatewayA = await startTestApp({ REDIS_URL: redisUrl });
    gatewayB = await startTestApp({ REDIS_URL: redisUrl }, { databaseUrl: gatewayA.app.config.database.url });
    redis = new Redis(redisUrl);
    admin = (await gatewayA.createAccount({ admin: true })).token;
    [product] = await createProducts(gatewayA, admin, [['9', '10']]);
  });
  afterAll(async () => {
    redis?.disconnect();
    await gatewayB?.stop();
    await gatewayA?.stop();
  });

  /** Redis confirms the channel has a subscriber, so a publish from the other gateway cannot be missed. */
  const subscribed = (channel: string) =>
    waitFor(`a Redis subscriber on ${channel}`, async () => Number(((await redis.pubsub('NUMSUB', channel)) as [string, number])[1]) > 0);

  it('delivers an event ingested through gateway A to subscribers on gateway B (per-product topic and firehose)', async () => {
    const query = `subscription($filter: PriceChangeFilter) { priceChanged(filter: $filter) { field new { amount } product { sku } variant { sizeKey } platform { slug } } }`;
    type Event = { priceChanged: { field: string; new: { amount: string }; product: { sku: string }; variant: { sizeKey: string }; platform: { slug: string } } };
    const onProduct = collect<Event>(gatewayB.wsClient(), query, { filter: { productIds: [product.id] } });
    const onFirehose = collect<Event>(gatewayB.wsClient(), query, {});
    await subscribed(`PRICE_CHANGED:${product.uuid}`);
    await subscribed('PRICE_CHANGED');

    const res = await gatewayA.request(
      IngestMarketSnapshotsDocument,
      { input: { snapshots: [{ variantId: product.variants[1].id, platform: 'alias', lowestAsk: '321.00', capturedAt: new Date(Date.now() - 60_000).toISOString() }] } },
      admin,
    );
    expect(res.body.data!.ingestMarketSnapshots).toMatchObject({ written: 1, changes: 1, errors: [] });

    const [event] = await onProduct.until(1);
    expect(event.priceChanged).toEqual({ field: 'LOWEST_ASK', new: { amount: '321' }, product: { sku: product.sku }, variant: { sizeKey: '10' }, platform: { slug: 'alias' } });
    await waitFor('the firehose event', () => onFirehose.results.some((r) => r.priceChanged.product.sku === product.sku));
    onProduct.dispose();
    onFirehose.dispose();
  });

  it('delivers a triggered alert to its owner connected to the other gateway', async () => {
    const owner = await gatewayA.createAccount();
    const created = await gatewayA.request(CreatePriceAlertDocument, { input: { variantId: product.variants[0].id, condition: 'LOWEST_ASK_BELOW', threshold: '100' } }, owner.token);
    const alertId = created.body.data!.createPriceAlert.priceAlert!.id;
    const alerts = collect<{ priceAlertTriggered: { alert: { id: string }; new: { amount: string } } }>(
      gatewayB.wsClient(owner.token),
      'subscription { priceAlertTriggered { alert { id } new { amount } } }',
    );
    await subscribed(`PRICE_ALERT:${owner.accountId}`);

    await gatewayA.request(
      IngestMarketSnapshotsDocument,
      { input: { snapshots: [{ variantId: product.variants[0].id, platform: 'stockx', lowestAsk: '99.00', capturedAt: new Date(Date.now() - 30_000).toISOString() }] } },
      admin,
    );
    const [fired] = await alerts.until(1);
    expect(fired.priceAlertTriggered).toEqual({ alert: { id: alertId }, new: { amount: '99' } });
    alerts.dispose();
  });
});
