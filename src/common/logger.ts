import pino, { type Logger } from 'pino';

/** JSON logger; secrets in well-known places are redacted. */
export function createLogger(level: string, base: Record<string, unknown> = {}): Logger {
  return pino({
    level,
    base: { service: 'marketgraph', ...base },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.token', '*.secret', '*.credentials', '*.apiKey'],
      censor: '[redacted]',
    },
  });
}
