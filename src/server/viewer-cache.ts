import type { Clock } from '../common/clock';
import type { Viewer } from '../common/context';

const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

/**
 * Remembers authenticated viewers for a few seconds so a client's burst of requests costs one key lookup.
 * Only successes are kept; a revocation (API_KEY_REVOKED, delivered to every gateway) drops the key at once,
 * and the short lifetime bounds anything a lost event could leave behind.
 */
export class ViewerCache {
  private readonly entries = new Map<string, { viewer: Viewer; expires: number }>();

  constructor(private readonly clock: Clock) {}

  get(token: string): Viewer | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.expires > this.clock.now().getTime()) return entry.viewer;
    this.entries.delete(token);
    return undefined;
  }

  set(token: string, viewer: Viewer): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { viewer, expires: this.clock.now().getTime() + TTL_MS });
  }

  forgetApiKey(apiKeyId: string): void {
    for (const [token, entry] of this.entries) if (entry.viewer.apiKeyId === apiKeyId) this.entries.delete(token);
  }
}
