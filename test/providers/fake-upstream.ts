import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/** A failure the fake platform injects into the next matching requests. */
export type Fault =
  /** 429 with an optional Retry-After (delta seconds or HTTP date). */
  | { kind: 'rateLimited'; retryAfter?: string }
  /** 503 with an optional Retry-After. */
  | { kind: 'unavailable'; retryAfter?: string }
  | { kind: 'serverError' }
  /** Accepts the request and never answers. */
  | { kind: 'hang' }
  /** 200 with a body that is not JSON. */
  | { kind: 'malformedJson' }
  /** 200 announcing a longer body than it sends, then closing the socket. */
  | { kind: 'truncated' }
  /** 401 whose body echoes the Authorization header (as careless gateways do). */
  | { kind: 'unauthorized' }
  /** 200 with a JSON body of about `bytes` bytes, streamed without Content-Length. */
  | { kind: 'oversize'; bytes: number }
  /** Any status and body. */
  | { kind: 'status'; status: number; json?: unknown; headers?: Record<string, string> };

/** A request as the fake platform saw it. */
export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  json<T = any>(): T;
}

/** A canned answer. */
export interface FakeReply {
  status?: number;
  json?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

export type FakeHandler = (req: FakeRequest) => FakeReply | Promise<FakeReply>;

interface Route {
  method: string;
  path: string | RegExp;
  handler: FakeHandler;
}

interface PendingFault {
  method: string;
  path: string | RegExp;
  fault: Fault;
  remaining: number;
}

/** Headers that carry credentials on the platforms we fake; the 401 fault echoes them back. */
const CREDENTIAL_HEADERS = ['authorization', 'x-api-key', 'x-shopify-access-token', 'x-amz-access-token'];

const matches = (pattern: string | RegExp, path: string) => (typeof pattern === 'string' ? pattern === path : pattern.test(path));

/**
 * A local stand-in for a marketplace API (node:http on 127.0.0.1, random port): serves fixture
 * files shaped like the real responses, checks auth headers, pages, and injects faults per route.
 */
export class FakeUpstream {
  readonly requests: FakeRequest[] = [];
  private readonly routes: Route[] = [];
  private faults: PendingFault[] = [];
  private authCheck: ((headers: IncomingHttpHeaders, path: string) => boolean) | undefined;

  private constructor(
    private readonly server: Server,
    private readonly fixturesDir: string,
  ) {}

  /** Starts a server whose fixtures live in `test/providers/fixtures/<platform>`. */
  static async start(platform: string): Promise<FakeUpstream> {
    let upstream: FakeUpstream | undefined;
    const server = createServer((req, res) => void upstream!.handle(req, res));
    upstream = new FakeUpstream(server, join(__dirname, 'fixtures', platform));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return upstream;
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** Every request must pass `check` (except paths it lets through), or it gets a 401. */
  requireAuth(check: (headers: IncomingHttpHeaders, path: string) => boolean): this {
    this.authCheck = check;
    return this;
  }

  route(method: string, path: string | RegExp, handler: FakeHandler): this {
    this.routes.push({ method, path, handler });
    return this;
  }

  /** Serves a fixture file as JSON. */
  serve(method: string, path: string | RegExp, fixture: string): this {
    return this.route(method, path, () => ({ json: this.fixture(fixture) }));
  }

  /** The parsed fixture `fixtures/<platform>/<name>.json` (a fresh copy each time). */
  fixture<T = any>(name: string): T {
    return JSON.parse(readFileSync(join(this.fixturesDir, `${name}.json`), 'utf8')) as T;
  }

  /** The next `times` requests matching method and path get `fault` instead of their answer. */
  inject(method: string, path: string | RegExp, fault: Fault, times = 1): this {
    this.faults.push({ method, path, fault, remaining: times });
    return this;
  }

  /** Requests seen for a method and path. */
  hits(method: string, path: string | RegExp): FakeRequest[] {
    return this.requests.filter((r) => r.method === method && matches(path, r.path));
  }

  reset(): void {
    this.requests.length = 0;
    this.faults = [];
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://fake');
    const body = Buffer.concat(chunks).toString('utf8');
    const request: FakeRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
      json: () => JSON.parse(body),
    };
    this.requests.push(request);

    const pending = this.faults.find((f) => f.remaining > 0 && f.method === request.method && matches(f.path, request.path));
    if (pending) {
      pending.remaining -= 1;
      return this.fail(pending.fault, request, res);
    }
    if (this.authCheck && !this.authCheck(req.headers, request.path)) {
      return send(res, { status: 401, json: { code: 16, message: 'missing or invalid credentials' } });
    }
    const route = this.routes.find((r) => r.method === request.method && matches(r.path, request.path));
    if (!route) return send(res, { status: 404, json: { code: 5, message: `no route ${request.method} ${request.path}` } });
    try {
      send(res, await route.handler(request));
    } catch (error) {
      send(res, { status: 500, json: { message: `fake handler failed: ${(error as Error).message}` } });
    }
  }

  private fail(fault: Fault, req: FakeRequest, res: ServerResponse): void {
    switch (fault.kind) {
      case 'rateLimited':
        return send(res, { status: 429, json: { code: 8, message: 'too many requests' }, headers: fault.retryAfter ? { 'retry-after': fault.retryAfter } : {} });
      case 'unavailable':
        return send(res, { status: 503, text: '<html>upstream unavailable</html>', headers: fault.retryAfter ? { 'retry-after': fault.retryAfter, 'content-type': 'text/html' } : { 'content-type': 'text/html' } });
      case 'serverError':
        return send(res, { status: 500, json: { code: 13, message: 'internal error' } });
      case 'hang':
        return;
      case 'malformedJson':
        return send(res, { status: 200, text: '{"orders": [ {"orderNumber": "1",', headers: { 'content-type': 'application/json' } });
      case 'truncated': {
        const text = '{"orders": [], "hasNextPage": false, "padding": "';
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(text.length + 500) });
        res.write(text);
        setTimeout(() => res.socket?.destroy(), 10);
        return;
      }
      case 'unauthorized':
        return send(res, { status: 401, json: { code: 16, message: `credentials rejected: ${CREDENTIAL_HEADERS.map((h) => req.headers[h]).filter(Boolean).join(' / ')}` } });
      case 'oversize': {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"padding": "');
        const block = 'x'.repeat(16 * 1024);
        let sent = 0;
        const pump = () => {
          while (sent < fault.bytes) {
            sent += block.length;
            if (!res.write(block)) return void res.once('drain', pump);
          }
          res.end('"}');
        };
        res.on('error', () => undefined);
        pump();
        return;
      }
      case 'status':
        return send(res, { status: fault.status, json: fault.json, headers: fault.headers });
    }
  }
}

function send(res: ServerResponse, reply: FakeReply): void {
  if (res.destroyed) return;
  const text = reply.text ?? (reply.json === undefined ? '' : JSON.stringify(reply.json));
  res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', 'x-request-id': `fake-${Math.random().toString(36).slice(2, 10)}`, ...reply.headers });
  res.end(text);
}
