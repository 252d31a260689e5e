import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Logger } from 'pino';

/** AES-256 needs exactly this many key bytes. */
export const KEY_BYTES = 32;

/** Key ids travel inside every ciphertext, between dots, so they may not contain one. */
export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

/** One data-encryption key and the id stored with every ciphertext it produced. */
export interface EncryptionKey {
  id: string;
  key: Buffer;
}

/** The key new ciphertexts use, plus older keys that may still decrypt (rotation). */
export interface Keyring {
  current: EncryptionKey;
  previous: EncryptionKey[];
}

/** Key material as configured (base64), before it is decoded. */
export interface KeySettings {
  key?: string;
  keyId?: string;
  previousKeys: Array<{ id?: string; key: string }>;
}

/** Where the development key of this install lives when ENCRYPTION_KEY is unset. */
export const DEV_KEY_FILE = '.data/dev-encryption-key';

/** A stable, non-secret id for a key: a short SHA-256 fingerprint, so rotation works without naming keys. */
export function keyIdOf(key: Buffer): string {
  return `k${createHash('sha256').update('marketgraph:key-id:').update(key).digest('base64url').slice(0, 10)}`;
}

/** Decodes a base64 (or base64url) key; null unless it is exactly 32 bytes. */
export function decodeKey(text: string): Buffer | null {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return null;
  const key = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return key.length === KEY_BYTES ? key : null;
}

function toKey(text: string, id: string | undefined, name: string): EncryptionKey {
  const key = decodeKey(text);
  if (!key) throw new Error(`${name} is not 32 base64-encoded bytes`);
  return { id: id ?? keyIdOf(key), key };
}

/** Reads the per-install development key, creating it (0600) on first use. Never used in production. */
function devKey(file: string, log?: Logger): EncryptionKey {
  const path = resolve(file);
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    try {
      writeFileSync(path, `${randomBytes(KEY_BYTES).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another process of this install created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    chmodSync(path, 0o600);
  }
  const key = toKey(readFileSync(path, 'utf8'), undefined, path);
  log?.warn(
    { keyFile: path, keyId: key.id },
    'ENCRYPTION_KEY is not set: marketplace credentials are encrypted with this install\'s development key; set ENCRYPTION_KEY before production',
  );
  return key;
}

/**
 * Builds the keyring from configuration. Without ENCRYPTION_KEY (development and test only — the config
 * refuses that in production) it falls back to a random per-install key kept under `.data/`.
 */
export function buildKeyring(settings: KeySettings, options: { devKeyFile?: string; log?: Logger } = {}): Keyring {
  const current = settings.key ? toKey(settings.key, settings.keyId, 'ENCRYPTION_KEY') : devKey(options.devKeyFile ?? DEV_KEY_FILE, options.log);
  const previous: EncryptionKey[] = [];
  settings.previousKeys.forEach((entry, i) => {
    const key = toKey(entry.key, entry.id, `ENCRYPTION_PREVIOUS_KEYS[${i}]`);
    const clash = [current, ...previous].find((k) => k.id === key.id);
    if (clash && !clash.key.equals(key.key)) throw new Error(`ENCRYPTION_PREVIOUS_KEYS[${i}] reuses key id "${key.id}" for a different key`);
    if (!clash) previous.push(key);
  });
  return { current, previous };
}
