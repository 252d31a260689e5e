import 'reflect-metadata';
import { loadConfig } from '../config/config';
import { CredentialCipher } from '../domains/sync/crypto/credential-cipher';
import { buildKeyring } from '../domains/sync/crypto/keyring';
import { runWithDatabase } from './database';

const BATCH = 500;

interface Row {
  id: string;
  account_id: string;
  credentials: string;
}

/**
 * `npm run credentials:reencrypt`: re-encrypts every stored marketplace credential under the current ENCRYPTION_KEY.
 * Rotate by setting the new key as ENCRYPTION_KEY and the old one in ENCRYPTION_PREVIOUS_KEYS, running this, then
 * dropping the old key. Each row is swapped only if it is unchanged since it was read; nothing secret is printed.
 */
runWithDatabase('credentials:reencrypt', async (orm, log) => {
  const cipher = new CredentialCipher(buildKeyring(loadConfig().encryption, { log }));
  const em = orm.em.fork();
  const counts = { rotated: 0, current: 0, changedMeanwhile: 0 };
  const unreadable: string[] = [];
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = (await em.execute(`select id, account_id, credentials from marketplace_connection where credentials is not null and id > ? order by id limit ?`, [after, BATCH])) as Row[];
    if (!rows.length) break;
    after = rows[rows.length - 1].id;
    for (const row of rows) {
      const binding = { accountId: row.account_id, connectionId: row.id };
      let next: string;
      try {
        if (!cipher.needsRotation(row.credentials)) {
          cipher.decrypt(row.credentials, binding);
          counts.current++;
          continue;
        }
        next = cipher.reencrypt(row.credentials, binding);
      } catch (error) {
        unreadable.push(row.id);
        log.error({ connectionId: row.id, reason: (error as Error).message }, 'credentials could not be decrypted; left as they are');
        continue;
      }
      const updated = (await em.execute(`update marketplace_connection set credentials = ?, updated_at = clock_timestamp() where id = ? and credentials = ? returning id`, [
        next,
        row.id,
        row.credentials,
      ])) as unknown[];
      if (updated.length) counts.rotated++;
      else counts.changedMeanwhile++;
    }
  }
  log.info({ ...counts, unreadable: unreadable.length, keyId: cipher.currentKeyId }, 'marketplace credentials re-encrypted');
  if (unreadable.length) {
    throw new Error(`${unreadable.length} connection(s) could not be decrypted with ENCRYPTION_KEY or ENCRYPTION_PREVIOUS_KEYS: ${unreadable.join(', ')}`);
  }
});
