import { FakeUpstream, type FakeRequest } from '../../providers/fake-upstream';

/** Credentials the fake Alias accepts, and one it rejects. */
export const ALIAS_TOKENS = { good: 'alias-pat-0f1e2d3c4b5a69788796a5b4', other: 'alias-pat-11223344556677889900aabb', rejected: 'alias-pat-deadbeefdeadbeef0000' };

/** What the fake Alias serves: `pages` pages of `perPage` orders each, each page after `delayMs`. */
export interface AliasUpstreamOptions {
  pages?: number;
  perPage?: number;
  delayMs?: number;
  /** Tokens whose order requests answer 401 (echoing the token, as careless gateways do). */
  revoked?: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A local Alias (`/api/v1/...`): `test` for credential checks, paged orders and listings, pricing per size. */
export async function startAliasUpstream(options: AliasUpstreamOptions = {}): Promise<{ upstream: FakeUpstream; baseUrl: string; settings: AliasUpstreamOptions }> {
  const settings: AliasUpstreamOptions = { pages: 3, perPage: 4, delayMs: 0, revoked: [], ...options };
  const upstream = await FakeUpstream.start('alias');
  const tokenOf = (req: FakeRequest) => String(req.headers.authorization ?? '').replace(/^Bearer /, '');
  upstream
    .requireAuth((headers) => [ALIAS_TOKENS.good, ALIAS_TOKENS.other].includes(String(headers.authorization ?? '').replace(/^Bearer /, '')))
    .route('GET', '/api/v1/test', () => ({ json: { ok: true } }))
    .route('GET', '/api/v1/orders', async (req) => {
      if (settings.revoked!.includes(tokenOf(req))) return { status: 401, json: { code: 16, message: `token ${tokenOf(req)} was revoked` } };
      await sleep(settings.delayMs!);
      const page = Number(/^p(\d+)$/.exec(req.query.get('pagination_token') ?? '')?.[1] ?? 1);
      const owner = tokenOf(req).slice(-4);
      const orders = Array.from({ length: settings.perPage! }, (_, i) => ({
        id: `ord-${owner}-${page}-${i + 1}`,
        status: i === 0 && page === 1 ? 'ORDER_STATUS_SOMETHING_NEW' : 'ORDER_STATUS_CONFIRMED',
        catalog_id: 'air-jordan-5-retro-grape-2025-hq7978-100',
        catalog_name: "Air Jordan 5 Retro 'Grape' 2025",
        catalog_sku: 'HQ7978 100',
        size: 10.5,
        price_cents: 20000 + page * 100 + i,
        price_cents_after_take: 18000,
        sales_channel: 'GOAT',
        sold_at: new Date(Date.now() - page * 3600_000).toISOString(),
        updated_at: new Date().toISOString(),
      }));
      return { json: { orders, pagination: { next_page_token: page < settings.pages! ? `p${page + 1}` : null } } };
    })
    .route('GET', '/api/v1/listings', (req) => {
      const page = Number(/^l(\d+)$/.exec(req.query.get('pagination_token') ?? '')?.[1] ?? 1);
      return { json: { ...upstream.fixture<object>(`listings-page-${Math.min(page, 2)}`), pagination: { pagination_token: page < 2 ? 'l2' : null, has_more: page < 2 } } };
    })
    .route('GET', '/api/v1/pricing_insights/availability', (req) => ({ json: upstream.fixture(`pricing-${req.query.get('size')}`) }));
  return { upstream, baseUrl: `${upstream.url}/api/v1/`, settings };
}
