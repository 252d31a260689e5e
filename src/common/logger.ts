import pino, { type DestinationStream, type Logger } from 'pino';

/** Where secrets travel: headers, connection parameters, tokens, key hashes, marketplace credentials. */
const SECRET_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'connectionParams',
  '*.connectionParams',
  ...['authorization', 'password', 'token', 'secret', 'secret_hash', 'secretHash', 'credentials', 'apiKey'].flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

/**
 * A driver error's `detail` repeats row values ("Key (email)=(…) already exists"); parameter values are never
 * logged (the ORM keeps them out of messages, see database/orm.ts).
 */
function withoutRowValues(error: Error): ReturnType<typeof pino.stdSerializers.err> {
  const serialized = pino.stdSerializers.err(error) as ReturnType<typeof pino.stdSerializers.err> & { detail?: unknown };
  if (serialized && 'detail' in serialized) {
    delete serialized.detail;
    serialized.message = serialized.message.replace(/\n - detail: .*/, '');
    serialized.stack = serialized.stack?.replace(/\n - detail: .*/, '');
  }
  return serialized;
}

/** JSON logger; secrets in well-known places are redacted. `destination` defaults to stdout. */
export function createLogger(level: string, base: Record<string, unknown> = {}, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'marketgraph', ...base },
      timestamp: pino.stdTimeFunctions.isoTime,
      serializers: { err: withoutRowValues },
      redact: { paths: SECRET_PATHS, censor: '[redacted]' },
    },
    destination,
  );
}
