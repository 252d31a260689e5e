import { Repeater } from '@graphql-yoga/subscription';
import type { Context } from '../../common/context';
import { badUserInput, unauthenticated } from '../../common/errors';
import type { PubSub } from '../../common/pubsub';
import { FINAL_RUN_STATUSES } from './entities/sync.enums';
import { SyncRun } from './entities/sync-run.entity';
import { findViewerRun, runPayload } from './sync-run.service';
import { SYNC_CONNECTION_CLOSED, SYNC_RUN_UPDATED, type SyncConnectionClosedPayload, type SyncRunPayload } from './sync.topics';

let openStreams = 0;
/** Open syncRunUpdated streams in this process (for tests and metrics). */
export const openSyncRunStreams = (): number => openStreams;

type Keyed = { subscribe<T>(key: string, id: string): Repeater<T> };

/**
 * The viewer's sync run progress: the owner topic comes from the authenticated context, never from an argument.
 * With a run id, only that run — its current state first, ending once it is final or its connection is
 * disconnected; a run id of another account is refused exactly like an unknown one.
 */
export async function syncRunStream(ctx: Context, runId?: string | null): Promise<AsyncIterable<SyncRunPayload>> {
  if (!ctx.viewer) throw unauthenticated();
  const accountId = ctx.viewer.accountId;
  const only = runId ? await findViewerRun(ctx, runId) : null;
  if (runId && !only) throw badUserInput('syncRunUpdated: no such sync run.');
  const pubsub = ctx.pubsub as unknown as Keyed & PubSub;
  return new Repeater<SyncRunPayload>(async (push, stop) => {
    const updates = pubsub.subscribe<SyncRunPayload>(SYNC_RUN_UPDATED, accountId);
    const closures = pubsub.subscribe<SyncConnectionClosedPayload>(SYNC_CONNECTION_CLOSED, accountId);
    openStreams++;
    const isFinal = (p: SyncRunPayload) => FINAL_RUN_STATUSES.includes(p.status);
    void (async () => {
      if (only) {
        // Read again now that the topic is subscribed: a change made in between is then either in this state or in an event.
        const current = (await ctx.em.findOne(SyncRun, { id: only.id }, { refresh: true })) ?? only;
        await push(runPayload(current));
        if (FINAL_RUN_STATUSES.includes(current.status)) return stop();
      }
      for await (const payload of updates) {
        if (only && payload.id !== only.id) continue;
        await push(payload);
        if (only && isFinal(payload)) return stop();
      }
    })().catch((error) => stop(error));
    void (async () => {
      for await (const closed of closures) {
        if (only && only.connectionId === closed.connectionId) return stop();
      }
    })().catch(() => undefined);
    await stop;
    await Promise.all([updates.return?.(), closures.return?.()]);
    openStreams--;
  });
}
