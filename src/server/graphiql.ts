import { createHash } from 'node:crypto';
import path from 'node:path';
import express, { Router, type Request, type Response } from 'express';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "font-src 'self' data:",
].join('; ');

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';
const IMMUTABLE = 'public, max-age=31536000, immutable';

// GraphiQL persists `graphiql:headers` only when the user opts in, so the headers GraphiQL hands to every
// fetcher call are the source of truth. One lazy socket per header set keeps each tab on its own credentials.
const BOOTSTRAP = `(function () {
  'use strict';
  var root = document.getElementById('graphiql');
  var endpoint = root.getAttribute('data-endpoint');
  var wsUrl = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + endpoint;
  var fetchers = new Map();

  function fetcher(params, opts) {
    var headers = (opts && opts.headers) || {};
    var key = JSON.stringify(headers);
    var send = fetchers.get(key);
    if (!send) {
      var wsClient = graphqlWs.createClient({ url: wsUrl, connectionParams: function () { return headers; } });
      send = GraphiQL.createFetcher({ url: endpoint, wsClient: wsClient });
      fetchers.set(key, send);
    }
    return send(params, opts);
  }

  ReactDOM.createRoot(root).render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultEditorToolsVisibility: 'headers',
    defaultQuery: [
      '# MarketGraph: add {"Authorization": "Bearer <key>"}',
      '# under Headers below, then press Ctrl-Enter.',
      'query FirstLook {',
      '  platforms {',
      '    slug',
      '    name',
      '  }',
      '}',
      ''
    ].join('\\n')
  }));
})();
`;

interface Asset {
  type: string;
  body: { file: string } | { text: string };
}

function packageFile(pkg: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
}

function packageVersion(pkg: string): string {
  return (require(`${pkg}/package.json`) as { version: string }).version;
}

const ASSETS = new Map<string, Asset>([
  ['react.production.min.js', { type: JS, body: { file: packageFile('react', 'umd/react.production.min.js') } }],
  ['react-dom.production.min.js', { type: JS, body: { file: packageFile('react-dom', 'umd/react-dom.production.min.js') } }],
  ['graphql-ws.min.js', { type: JS, body: { file: packageFile('graphql-ws', 'umd/graphql-ws.min.js') } }],
  ['graphiql.min.js', { type: JS, body: { file: packageFile('graphiql', 'graphiql.min.js') } }],
  ['graphiql.min.css', { type: CSS, body: { file: packageFile('graphiql', 'graphiql.min.css') } }],
  ['bootstrap.js', { type: JS, body: { text: BOOTSTRAP } }],
]);

const VERSION = createHash('sha256')
  .update(['react', 'react-dom', 'graphql-ws', 'graphiql'].map(packageVersion).join())
  .update(BOOTSTRAP)
  .digest('hex')
  .slice(0, 12);

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const asset = (name: string): string => `/graphiql/assets/${name}?v=${VERSION}`;

function renderPage(endpoint: string): string {
  const scripts = ['react.production.min.js', 'react-dom.production.min.js', 'graphql-ws.min.js', 'graphiql.min.js', 'bootstrap.js']
    .map((name) => `    <script src="${asset(name)}"></script>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>MarketGraph GraphiQL</title>
    <link rel="stylesheet" href="${asset('graphiql.min.css')}">
  </head>
  <body style="margin: 0">
    <div id="graphiql" data-endpoint="${escapeHtml(endpoint)}" style="height: 100vh">Loading GraphiQL…</div>
${scripts}
  </body>
</html>
`;
}

/** True when a browser navigates to the GraphQL endpoint without an operation, i.e. it should get GraphiQL. */
export function wantsGraphiql(req: Request): boolean {
  if (req.method !== 'GET' || req.query.query !== undefined) return false;
  return req.accepts(['application/json', 'application/graphql-response+json', 'multipart/mixed', 'text/html']) === 'text/html';
}

/** Serves GraphiQL and its vendored assets at /graphiql (and at `endpoint` for browsers) without touching a CDN. */
export function graphiqlRouter(options: { endpoint: string }): Router {
  const router = express.Router();
  const page = renderPage(options.endpoint);

  const sendPage = (res: Response): void => {
    res
      .set({ 'Content-Security-Policy': CSP, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff', Vary: 'Accept' })
      .type('html')
      .send(page);
  };

  router.get('/graphiql', (_req, res) => sendPage(res));

  router.get(options.endpoint, (req, res, next) => (wantsGraphiql(req) ? sendPage(res) : next()));

  router.get('/graphiql/assets/:file', (req, res, next) => {
    const found = ASSETS.get(req.params.file);
    if (!found) {
      res.sendStatus(404);
      return;
    }
    const headers = { 'Content-Type': found.type, 'Cache-Control': IMMUTABLE, 'X-Content-Type-Options': 'nosniff' };
    if ('text' in found.body) {
      res.set(headers).send(found.body.text);
      return;
    }
    res.sendFile(found.body.file, { headers, cacheControl: false }, (err) => {
      if (err && !res.headersSent) next(err);
    });
  });

  return router;
}
