import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createAccountWithKey } from '../domains/accounts';
import { runWithDatabase } from './database';

const usage = 'Usage: npm run account:create -- --email you@example.com [--name "Your Name"] [--admin] [--currency USD]';

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    admin: { type: 'boolean', default: false },
    currency: { type: 'string', default: 'USD' },
  },
});
if (!values.email) {
  process.stderr.write(`${usage}\n`);
  process.exit(64);
}

/** `npm run account:create`: creates an account and prints its API key once. */
runWithDatabase('account:create', async (orm) => {
  const { account, token } = await createAccountWithKey(orm.em.fork(), {
    email: values.email!,
    name: values.name ?? values.email!.split('@')[0],
    role: values.admin ? 'ADMIN' : 'MEMBER',
    baseCurrency: values.currency,
  } as never);
  process.stdout.write(
    `Created ${account.role} account ${account.email}.\n\nAPI key (shown once — store it now):\n\n  ${token}\n\n` +
      `Send it as:  Authorization: Bearer ${token}\n`,
  );
});
