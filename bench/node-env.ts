/*
 * Imported first by run.ts: libraries read NODE_ENV when they load (graphql-js skips its
 * development-only instanceOf checks, Express its debug paths), so the in-process gateway runs as
 * it does in production only if the variable is set before any of them is required. Spawned
 * servers (cold start) get their own environment.
 */
process.env.NODE_ENV = 'production';
