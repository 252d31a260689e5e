import { randomBytes } from 'node:crypto';
import { ConfigError, loadConfig } from '../../src/config/config';

const argv = ['node', 'test'];
const key = () => randomBytes(32).toString('base64');

function problemOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env, argv);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('encryption and sync configuration', () => {
  it('requires ENCRYPTION_KEY in production, naming it', () => {
    const error = problemOf({ NODE_ENV: 'production' });
    expect(error.message).toContain('ENCRYPTION_KEY is required when NODE_ENV=production');
    expect(loadConfig({ NODE_ENV: 'production', ENCRYPTION_KEY: key() }, argv).encryption.key).toBeDefined();
  });

  it('leaves the key unset in development and test (a per-install development key is used)', () => {
    expect(loadConfig({}, argv).encryption).toEqual({ key: undefined, keyId: undefined, previousKeys: [] });
    expect(loadConfig({ NODE_ENV: 'test' }, argv).sync).toEqual({ ordersStaleAfterSeconds: 21_600, runStaleAfterSeconds: 300, providerBaseUrls: {} });
  });

  it('refuses a key that is not 32 base64 bytes without echoing it', () => {
    const short = randomBytes(16).toString('base64');
    const error = problemOf({ ENCRYPTION_KEY: short });
    expect(error.message).toContain('ENCRYPTION_KEY="[redacted]": must be 32 random bytes, base64-encoded');
    expect(error.message).not.toContain(short);
  });

  it('reads a key id and previous keys for rotation', () => {
    const [current, old, older] = [key(), key(), key()];
    const config = loadConfig({ ENCRYPTION_KEY: current, ENCRYPTION_KEY_ID: '2026-b', ENCRYPTION_PREVIOUS_KEYS: `2026-a:${old}, ${older}` }, argv);
    expect(config.encryption).toEqual({ key: current, keyId: '2026-b', previousKeys: [{ id: '2026-a', key: old }, { id: undefined, key: older }] });
    const bad = problemOf({ ENCRYPTION_KEY: current, ENCRYPTION_PREVIOUS_KEYS: `old:${randomBytes(8).toString('base64')}` });
    expect(bad.message).toContain('ENCRYPTION_PREVIOUS_KEYS="[redacted]"');
    expect(problemOf({ ENCRYPTION_KEY_ID: 'k1' }).message).toContain('ENCRYPTION_KEY_ID is set but ENCRYPTION_KEY is not');
    expect(problemOf({ ENCRYPTION_KEY: current, ENCRYPTION_KEY_ID: 'has.dot' }).message).toContain('ENCRYPTION_KEY_ID="has.dot"');
  });

  it('reads sync settings and refuses provider base URL overrides in production', () => {
    const config = loadConfig({ ORDERS_STALE_AFTER_SECONDS: '600', SYNC_RUN_STALE_AFTER_SECONDS: '30', SYNC_PROVIDER_BASE_URLS: 'alias=http://127.0.0.1:9000/api/v1/,stockx=http://127.0.0.1:9001/v2' }, argv);
    expect(config.sync).toEqual({
      ordersStaleAfterSeconds: 600,
      runStaleAfterSeconds: 30,
      providerBaseUrls: { alias: 'http://127.0.0.1:9000/api/v1/', stockx: 'http://127.0.0.1:9001/v2' },
    });
    expect(problemOf({ ORDERS_STALE_AFTER_SECONDS: '0' }).message).toContain('ORDERS_STALE_AFTER_SECONDS');
    expect(problemOf({ SYNC_PROVIDER_BASE_URLS: 'alias' }).message).toContain('must be <platform>=<url> pairs');
    expect(problemOf({ NODE_ENV: 'production', ENCRYPTION_KEY: key(), SYNC_PROVIDER_BASE_URLS: 'alias=http://x' }).message).toContain('SYNC_PROVIDER_BASE_URLS is not allowed');
  });
});
