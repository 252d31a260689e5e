import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../../config/config';
import { CredentialCipher } from './crypto/credential-cipher';
import { buildKeyring } from './crypto/keyring';
import { createHttpRuntime, type HttpRuntime } from './http/http-runtime';
import { createProviderRegistry, type ProviderRegistry } from './providers';
import type { ProviderFactory, ProviderSettings } from './providers/provider';

/** Process-wide collaborators of the sync engine, built once at start-up by {@link configureSync}. */
export interface SyncRuntime {
  cipher: CredentialCipher;
  providers: ProviderRegistry;
  http: HttpRuntime;
  /** Settings handed to a platform's adapter (base URL overrides outside production). */
  settingsFor(platform: string): ProviderSettings | undefined;
  production: boolean;
  ordersStaleAfterSeconds: number;
  runStaleAfterSeconds: number;
  /** The deterministic simulator prices on-demand refreshes of platforms no real connection covers. */
  simulator: { enabled: boolean; seed: number; intervalSeconds: number };
}

/** What {@link configureSync} needs; `extraProviders` and `settings` are for tests and plug-ins. */
export interface SyncRuntimeOptions {
  config: Config;
  log: Logger;
  /** Shares provider rate limits across processes. */
  redis?: Redis;
  extraProviders?: ProviderFactory[];
  /** Per-platform settings merged over the configured base URLs. */
  settings?: Record<string, ProviderSettings>;
  fetch?: typeof fetch;
}

let runtime: SyncRuntime | undefined;

/** Builds the sync runtime of this process (keyring, provider registry, HTTP runtime); call once at start-up. */
export function configureSync(options: SyncRuntimeOptions): SyncRuntime {
  const { config, log } = options;
  const cipher = new CredentialCipher(buildKeyring(config.encryption, { log }));
  const settings: Record<string, ProviderSettings> = {};
  for (const [platform, baseUrl] of Object.entries(config.sync.providerBaseUrls)) settings[platform] = { baseUrl };
  for (const [platform, extra] of Object.entries(options.settings ?? {})) settings[platform] = { ...settings[platform], ...extra };
  runtime = {
    cipher,
    providers: createProviderRegistry(options.extraProviders ?? []),
    http: createHttpRuntime({ logger: log.child({ component: 'providers' }), redis: options.redis, fetch: options.fetch }),
    settingsFor: (platform) => settings[platform],
    production: config.env === 'production',
    ordersStaleAfterSeconds: config.sync.ordersStaleAfterSeconds,
    runStaleAfterSeconds: config.sync.runStaleAfterSeconds,
    simulator: { enabled: config.simulator.enabled, seed: config.simulator.seed, intervalSeconds: config.simulator.intervalSeconds },
  };
  return runtime;
}

/** The runtime configured at start-up; a process that never configured sync fails loudly here. */
export function syncRuntime(): SyncRuntime {
  if (!runtime) throw new Error('The sync engine is not configured: the composition root must call configureSync() at start-up.');
  return runtime;
}
