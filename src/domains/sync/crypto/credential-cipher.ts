import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { EncryptionKey, Keyring } from './keyring';

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
/** 96-bit nonces are what GCM is specified for; a fresh random one per encryption. */
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** What a ciphertext is bound to: decrypting it for any other account or connection fails. */
export interface CredentialBinding {
  accountId: string;
  connectionId: string;
}

/** Why a ciphertext could not be decrypted; none of them reveals key material or plaintext. */
export enum CredentialDecryptFailure {
  MALFORMED = 'MALFORMED',
  UNKNOWN_KEY = 'UNKNOWN_KEY',
  AUTHENTICATION_FAILED = 'AUTHENTICATION_FAILED',
}

/** Raised when stored credentials cannot be decrypted; its message is safe to record on a sync run. */
export class CredentialDecryptError extends Error {
  constructor(
    readonly failure: CredentialDecryptFailure,
    message: string,
  ) {
    super(message);
    this.name = 'CredentialDecryptError';
  }
}

interface Envelope {
  keyId: string;
  iv: Buffer;
  tag: Buffer;
  data: Buffer;
}

const b64 = (buffer: Buffer) => buffer.toString('base64url');

function parse(text: string): Envelope {
  const parts = typeof text === 'string' ? text.split('.') : [];
  const malformed = () =>
    new CredentialDecryptError(CredentialDecryptFailure.MALFORMED, 'Stored credentials are not a ciphertext this version understands (expected v1.<keyId>.<iv>.<tag>.<data>).');
  if (parts.length !== 5 || parts[0] !== VERSION || parts.slice(1, 4).some((p) => !/^[A-Za-z0-9_-]+$/.test(p)) || !/^[A-Za-z0-9_-]*$/.test(parts[4] ?? '')) throw malformed();
  const [, keyId, iv, tag, data] = parts;
  const envelope = { keyId, iv: Buffer.from(iv, 'base64url'), tag: Buffer.from(tag, 'base64url'), data: Buffer.from(data, 'base64url') };
  if (envelope.iv.length !== IV_BYTES || envelope.tag.length !== TAG_BYTES) throw malformed();
  return envelope;
}

/** The key id, version and binding are all authenticated: editing any of them breaks the tag. */
function associatedData(keyId: string, binding: CredentialBinding): Buffer {
  return Buffer.from(`marketgraph:credentials:${VERSION}:${keyId}:${binding.accountId}:${binding.connectionId}`, 'utf8');
}

/**
 * AES-256-GCM for marketplace credentials. Each ciphertext is `v1.<keyId>.<iv>.<tag>.<data>` (base64url
 * parts); the key id picks the key on decryption, so keys rotate without a flag day. The associated data
 * binds the account and the connection, so a ciphertext copied onto another row does not decrypt.
 */
export class CredentialCipher {
  private readonly keys: Map<string, EncryptionKey>;

  constructor(private readonly keyring: Keyring) {
    this.keys = new Map([keyring.current, ...keyring.previous].map((k) => [k.id, k]));
  }

  /** Id of the key new ciphertexts are made with. */
  get currentKeyId(): string {
    return this.keyring.current.id;
  }

  encrypt(plaintext: string, binding: CredentialBinding): string {
    const { id, key } = this.keyring.current;
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(associatedData(id, binding));
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, id, b64(iv), b64(cipher.getAuthTag()), b64(data)].join('.');
  }

  decrypt(ciphertext: string, binding: CredentialBinding): string {
    const envelope = parse(ciphertext);
    const entry = this.keys.get(envelope.keyId);
    if (!entry) {
      throw new CredentialDecryptError(
        CredentialDecryptFailure.UNKNOWN_KEY,
        `Stored credentials were encrypted with key "${envelope.keyId}", which is neither ENCRYPTION_KEY nor in ENCRYPTION_PREVIOUS_KEYS.`,
      );
    }
    try {
      const decipher = createDecipheriv(ALGORITHM, entry.key, envelope.iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(associatedData(envelope.keyId, binding));
      decipher.setAuthTag(envelope.tag);
      return Buffer.concat([decipher.update(envelope.data), decipher.final()]).toString('utf8');
    } catch {
      throw new CredentialDecryptError(
        CredentialDecryptFailure.AUTHENTICATION_FAILED,
        'Stored credentials failed authentication: the ciphertext was altered or belongs to another connection. Reconnect the marketplace.',
      );
    }
  }

  encryptJson(value: unknown, binding: CredentialBinding): string {
    return this.encrypt(JSON.stringify(value), binding);
  }

  decryptJson<T = unknown>(ciphertext: string, binding: CredentialBinding): T {
    const text = this.decrypt(ciphertext, binding);
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new CredentialDecryptError(CredentialDecryptFailure.MALFORMED, 'Stored credentials decrypted to something other than JSON.');
    }
  }

  /** Id of the key a ciphertext was made with (without decrypting it). */
  keyIdOf(ciphertext: string): string {
    return parse(ciphertext).keyId;
  }

  /** True when the ciphertext was made with a previous key and should be re-encrypted. */
  needsRotation(ciphertext: string): boolean {
    return this.keyIdOf(ciphertext) !== this.keyring.current.id;
  }

  /** Decrypts with whichever key made it and encrypts again under the current key (fresh IV). */
  reencrypt(ciphertext: string, binding: CredentialBinding): string {
    return this.encrypt(this.decrypt(ciphertext, binding), binding);
  }
}
