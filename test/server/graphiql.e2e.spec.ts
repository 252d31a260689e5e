import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestApp } from '../support/app';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumMissing = !existsSync(executablePath);

if (chromiumMissing && !process.env.CI) {
  console.warn(`Skipping GraphiQL e2e: no Chromium at ${executablePath} (apt-get install chromium, or set CHROMIUM_PATH).`);
}
const describeBrowser = chromiumMissing && !process.env.CI ? describe.skip : describe;

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const QUERY_EDITOR = '.graphiql-query-editor .CodeMirror';
const HEADERS_EDITOR = 'section.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror';
const RESULT = '.result-window .CodeMirror';
const RUN = '.graphiql-execute-button';

type App = Awaited<ReturnType<typeof startTestApp>>;
type CodeMirrorHost = Element & { CodeMirror?: { getValue(): string; setValue(value: string): void; operationName?: string | null } };

interface Session {
  context: BrowserContext;
  page: Page;
  external: string[];
  cspViolations: string[];
  authorizations: string[];
  sentFrames: string[];
}

const isLocal = (url: string): boolean => {
  const { protocol, hostname } = new URL(url);
  return ['data:', 'blob:', 'about:'].includes(protocol) || LOCAL_HOSTS.has(hostname);
};

const editorValue = (page: Page, selector: string): Promise<string> =>
  page.$eval(selector, (el) => (el as CodeMirrorHost).CodeMirror?.getValue() ?? '');

const setEditorValue = (page: Page, selector: string, value: string): Promise<void> =>
  page.$eval(selector, (el, v) => (el as CodeMirrorHost).CodeMirror?.setValue(v), value);

const waitForResult = (page: Page, contains: string): Promise<unknown> =>
  page.waitForFunction(
    ([selector, text]) => ((document.querySelector(selector) as CodeMirrorHost | null)?.CodeMirror?.getValue() ?? '').includes(text),
    [RESULT, contains] as const,
  );

async function setQuery(page: Page, query: string, operationName: string): Promise<void> {
  await setEditorValue(page, QUERY_EDITOR, query);
  await page.waitForFunction(
    ([selector, name]) => (document.querySelector(selector) as CodeMirrorHost | null)?.CodeMirror?.operationName === name,
    [QUERY_EDITOR, operationName] as const,
  );
}

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs}ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describeBrowser('GraphiQL in a browser', () => {
  let app: App;
  let browser: Browser;
  const sessions: Session[] = [];

  beforeAll(async () => {
    if (chromiumMissing) throw new Error(`CI requires Chromium at ${executablePath} (set CHROMIUM_PATH)`);
    app = await startTestApp();
    browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  afterEach(async () => {
    for (const session of sessions.splice(0)) {
      await session.context.close();
      expect(session.external).toEqual([]);
      expect(session.cspViolations).toEqual([]);
    }
  });

  async function open(): Promise<Session> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const session: Session = { context, page, external: [], cspViolations: [], authorizations: [], sentFrames: [] };
    sessions.push(session);
    await context.route('**/*', async (route) => {
      const request = route.request();
      if (!isLocal(request.url())) {
        session.external.push(request.url());
        return route.abort('blockedbyclient');
      }
      const authorization = request.headers()['authorization'];
      if (authorization) session.authorizations.push(authorization);
      return route.continue();
    });
    page.on('websocket', (ws) => {
      if (!isLocal(ws.url())) session.external.push(ws.url());
      ws.on('framesent', ({ payload }) => session.sentFrames.push(payload.toString()));
    });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) session.cspViolations.push(message.text());
    });
    return session;
  }

  async function waitForEditor(page: Page): Promise<void> {
    await page.locator(QUERY_EDITOR).waitFor();
    await page.locator(RUN).waitFor();
  }

  async function platformSlugs(): Promise<string[]> {
    const res = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ platforms { slug } }' }),
    });
    const body = (await res.json()) as { data?: { platforms: { slug: string }[] } };
    const slugs = body.data?.platforms.map((p) => p.slug) ?? [];
    expect(slugs.length).toBeGreaterThan(0);
    return slugs;
  }

  it('serves /graphiql from local assets and runs the default query', async () => {
    const slugs = await platformSlugs();
    const { page } = await open();

    const response = await page.goto(`${app.url}/graphiql`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect(page.title()).resolves.toBe('MarketGraph GraphiQL');
    await waitForEditor(page);
    expect(await editorValue(page, QUERY_EDITOR)).toContain('query FirstLook');

    await page.locator(RUN).click();
    await waitForResult(page, '"platforms"');

    const result = JSON.parse(await editorValue(page, RESULT)) as { data: { platforms: { slug: string }[] } };
    expect(result.data.platforms.map((p) => p.slug)).toEqual(slugs);
    expect(await page.locator('.result-window').innerText()).toContain(`"slug": "${slugs[0]}"`);
  });

  it('renders GraphiQL at GET /graphql for a browser but not for API clients', async () => {
    const { page } = await open();

    const response = await page.goto(`${app.url}/graphql`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toMatch(/^text\/html/);
    await expect(page.title()).resolves.toBe('MarketGraph GraphiQL');
    await waitForEditor(page);

    const api = await fetch(`${app.url}/graphql`, { headers: { accept: 'application/json' } });
    expect(api.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
  });

  it('sends the Headers tab over HTTP and as graphql-ws connectionParams', async () => {
    const session = await open();
    const { page } = session;
    await page.goto(`${app.url}/graphiql`);
    await waitForEditor(page);

    await setEditorValue(page, HEADERS_EDITOR, '{"Authorization": "Bearer e2e-probe-key"}');
    await setQuery(page, 'query Probe { platforms { slug } }', 'Probe');
    await page.locator(RUN).click();
    await waitForResult(page, '{');
    expect(session.authorizations).toContain('Bearer e2e-probe-key');

    await setQuery(page, 'subscription ProbeSocket { __typename }', 'ProbeSocket');
    await page.locator(RUN).click();
    const init = await waitFor(() =>
      session.sentFrames.map((frame) => JSON.parse(frame) as { type: string; payload?: unknown }).find((m) => m.type === 'connection_init'),
    );
    expect(init.payload).toEqual({ Authorization: 'Bearer e2e-probe-key' });
  });
});
