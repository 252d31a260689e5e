import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CredentialCipher } from '../../src/domains/sync/crypto/credential-cipher';
import { buildKeyring, keyIdOf } from '../../src/domains/sync/crypto/keyring';
import { ConnectMarketplaceDocument } from '../generated/graphql';
import type { FakeUpstream } from '../providers/fake-upstream';
import { ALIAS_TOKENS, startAliasUpstream } from './support/alias-upstream';
import { startSyncApp, TEST_ENCRYPTION_KEY, type SyncTestApp } from './support/sync-app';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');

let t: SyncTestApp;
let upstream: FakeUpstream;

beforeAll(async () => {
  const alias = await startAliasUpstream();
  upstream = alias.upstream;
  t = await startSyncApp({ env: { SYNC_PROVIDER_BASE_URLS: `alias=${alias.baseUrl}` } });
  for (const token of [ALIAS_TOKENS.good, ALIAS_TOKENS.other]) {
    const account = await t.createAccount();
    const res = await t.request(ConnectMarketplaceDocument, { input: { platform: 'alias', credentials: { accessToken: token } } }, account.token);
    expect(res.data!.connectMarketplace.errors).toEqual([]);
  }
});
afterAll(async () => {
  await t?.stop();
  await upstream?.stop();
});

/** Runs `src/cli/reencrypt-credentials.ts` as `npm run credentials:reencrypt` would (from source). */
async function reencrypt(env: Record<string, string>): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['-r', '@swc-node/register', 'src/cli/reencrypt-credentials.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', LOG_LEVEL: 'info', DATABASE_URL: t.databaseUrl, ...env },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe('credentials:reencrypt', () => {
  it('re-encrypts every credential under the new key, decrypting with the previous one', async () => {
    const newKey = randomBytes(32).toString('base64');
    const result = await reencrypt({ ENCRYPTION_KEY: newKey, ENCRYPTION_PREVIOUS_KEYS: TEST_ENCRYPTION_KEY });
    expect(result.code).toBe(0);
    expect(result.output).toMatch(/"rotated":2/);
    const rows = await t.sql<{ id: string; account_id: string; credentials: string }>(`select id, account_id, credentials from marketplace_connection order by created_at`);
    const onlyNew = new CredentialCipher(buildKeyring({ key: newKey, previousKeys: [] }));
    expect(rows.map((r) => onlyNew.keyIdOf(r.credentials))).toEqual([keyIdOf(Buffer.from(newKey, 'base64')), keyIdOf(Buffer.from(newKey, 'base64'))]);
    expect(rows.map((r) => onlyNew.decryptJson(r.credentials, { accountId: r.account_id, connectionId: r.id }))).toEqual([
      { accessToken: ALIAS_TOKENS.good },
      { accessToken: ALIAS_TOKENS.other },
    ]);
    for (const secret of Object.values(ALIAS_TOKENS)) expect(result.output).not.toContain(secret);

    // Running it again changes nothing.
    const again = await reencrypt({ ENCRYPTION_KEY: newKey });
    expect(again.output).toMatch(/"rotated":0,"current":2/);
  });

  it('exits non-zero naming (only) the connections it cannot decrypt', async () => {
    const stranger = randomBytes(32).toString('base64');
    const result = await reencrypt({ ENCRYPTION_KEY: stranger });
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/2 connection\(s\) could not be decrypted/);
    for (const secret of Object.values(ALIAS_TOKENS)) expect(result.output).not.toContain(secret);
    expect(result.output).not.toContain(stranger);
  });
});
