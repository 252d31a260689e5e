import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CredentialCipher, CredentialDecryptError, CredentialDecryptFailure } from './credential-cipher';
import { buildKeyring, decodeKey, keyIdOf, type EncryptionKey } from './keyring';

const key = (id?: string): EncryptionKey => {
  const bytes = randomBytes(32);
  return { id: id ?? keyIdOf(bytes), key: bytes };
};
const binding = { accountId: '6f1c9a52-3d0e-4c55-9a3f-0c2b8f1e7a10', connectionId: '0b7e4c1d-2a9f-4f6b-8e3d-5c1a7b9d2e40' };
const secret = JSON.stringify({ accessToken: 'alias-pat-4f9a1c7e2b' });

function failureOf(run: () => unknown): CredentialDecryptError {
  try {
    run();
  } catch (error) {
    if (error instanceof CredentialDecryptError) return error;
    throw error;
  }
  throw new Error('expected decryption to fail');
}

/** Flips one bit of one base64url part of a ciphertext. */
function flip(ciphertext: string, part: number): string {
  const parts = ciphertext.split('.');
  const bytes = Buffer.from(parts[part], 'base64url');
  bytes[0] ^= 0x01;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

describe('CredentialCipher', () => {
  const current = key('2026a');
  const cipher = new CredentialCipher({ current, previous: [] });

  it('round-trips, storing the key id and never the plaintext', () => {
    const ciphertext = cipher.encrypt(secret, binding);
    expect(ciphertext).toMatch(/^v1\.2026a\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(ciphertext).not.toContain('alias-pat');
    expect(cipher.decrypt(ciphertext, binding)).toBe(secret);
    expect(cipher.decryptJson(cipher.encryptJson({ a: 1 }, binding), binding)).toEqual({ a: 1 });
  });

  it('uses a fresh IV every time', () => {
    expect(cipher.encrypt(secret, binding)).not.toBe(cipher.encrypt(secret, binding));
  });

  it.each([
    ['data', 4],
    ['tag', 3],
    ['IV', 2],
  ])('refuses a ciphertext whose %s was altered', (_name, part) => {
    const error = failureOf(() => cipher.decrypt(flip(cipher.encrypt(secret, binding), part), binding));
    expect(error.failure).toBe(CredentialDecryptFailure.AUTHENTICATION_FAILED);
    expect(error.message).toMatch(/altered or belongs to another connection/);
    expect(error.message).not.toContain('alias-pat');
  });

  it('refuses a ciphertext bound to another connection or account (wrong associated data)', () => {
    const ciphertext = cipher.encrypt(secret, binding);
    for (const other of [{ ...binding, connectionId: '11111111-2222-4333-8444-555555555555' }, { ...binding, accountId: '11111111-2222-4333-8444-555555555555' }]) {
      expect(failureOf(() => cipher.decrypt(ciphertext, other)).failure).toBe(CredentialDecryptFailure.AUTHENTICATION_FAILED);
    }
  });

  it('refuses a ciphertext whose key id was swapped for another known key', () => {
    const other = key('2026b');
    const both = new CredentialCipher({ current, previous: [other] });
    const swapped = both.encrypt(secret, binding).replace('.2026a.', '.2026b.');
    expect(failureOf(() => both.decrypt(swapped, binding)).failure).toBe(CredentialDecryptFailure.AUTHENTICATION_FAILED);
  });

  it.each(['', 'plain text', 'v2.2026a.a.b.c', 'v1.2026a.short.tag.data', 'v1.2026a'])('refuses malformed input %j', (text) => {
    expect(failureOf(() => cipher.decrypt(text, binding)).failure).toBe(CredentialDecryptFailure.MALFORMED);
  });

  it('names an unknown key id without revealing anything else', () => {
    const stranger = new CredentialCipher({ current: key('old-key'), previous: [] });
    const error = failureOf(() => cipher.decrypt(stranger.encrypt(secret, binding), binding));
    expect(error.failure).toBe(CredentialDecryptFailure.UNKNOWN_KEY);
    expect(error.message).toContain('"old-key"');
  });

  it('rotates: decrypts with a previous key and re-encrypts under the new one', () => {
    const oldKey = key('2025');
    const newKey = key('2026');
    const before = new CredentialCipher({ current: oldKey, previous: [] });
    const stored = before.encrypt(secret, binding);

    const after = new CredentialCipher({ current: newKey, previous: [oldKey] });
    expect(after.needsRotation(stored)).toBe(true);
    expect(after.decrypt(stored, binding)).toBe(secret);
    const rotated = after.reencrypt(stored, binding);
    expect(after.keyIdOf(rotated)).toBe('2026');
    expect(after.needsRotation(rotated)).toBe(false);

    const retired = new CredentialCipher({ current: newKey, previous: [] });
    expect(retired.decrypt(rotated, binding)).toBe(secret);
    expect(failureOf(() => retired.decrypt(stored, binding)).failure).toBe(CredentialDecryptFailure.UNKNOWN_KEY);
  });
});

describe('buildKeyring', () => {
  const base64 = () => randomBytes(32).toString('base64');

  it('decodes base64 and base64url keys of exactly 32 bytes only', () => {
    const bytes = randomBytes(32);
    expect(decodeKey(bytes.toString('base64'))?.equals(bytes)).toBe(true);
    expect(decodeKey(bytes.toString('base64url'))?.equals(bytes)).toBe(true);
    expect(decodeKey(randomBytes(16).toString('base64'))).toBeNull();
    expect(decodeKey('not a key!')).toBeNull();
  });

  it('derives stable key ids from the key when none is configured', () => {
    const text = base64();
    const a = buildKeyring({ key: text, previousKeys: [] });
    const b = buildKeyring({ key: text, previousKeys: [] });
    expect(a.current.id).toBe(b.current.id);
    expect(a.current.id).not.toBe(buildKeyring({ key: base64(), previousKeys: [] }).current.id);
    expect(buildKeyring({ key: text, keyId: 'prod-1', previousKeys: [] }).current.id).toBe('prod-1');
  });

  it('rejects a previous key that reuses an id for other key material', () => {
    expect(() => buildKeyring({ key: base64(), keyId: 'same', previousKeys: [{ id: 'same', key: base64() }] })).toThrow(/reuses key id "same"/);
  });

  it('creates one private development key per install and reuses it', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mg-key-')), 'nested', 'dev-key');
    const first = buildKeyring({ previousKeys: [] }, { devKeyFile: file });
    const second = buildKeyring({ previousKeys: [] }, { devKeyFile: file });
    expect(second.current.key.equals(first.current.key)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(decodeKey(readFileSync(file, 'utf8'))).not.toBeNull();
  });
});
