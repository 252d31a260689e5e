import { mkdirSync, writeFileSync } from 'node:fs';
import { Session, type Profiler } from 'node:inspector';
import path from 'node:path';
import { formatCount } from './report';
import type { RunOptions, Table } from './scenario';

/*
 * `--cpu-profile=<dir>`: V8 CPU profiles of this process's main thread (the in-process gateway, and the
 * ingest path when a scenario calls it directly) over the measured part of a load, written as
 * `<dir>/<name>.cpuprofile` (open in Chrome DevTools or speedscope), plus a table of the functions that
 * took the most self time. Profiling costs a few percent, so profiled runs are for finding limits, not figures.
 */

let session: Session | undefined;

function post<T>(method: string, params?: object): Promise<T> {
  session ??= (() => {
    const s = new Session();
    s.connect();
    return s;
  })();
  return new Promise((resolve, reject) => session!.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result as T))));
}

/** A file-name-safe version of a label. */
const slug = (label: string) => label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'profile';

/** Runs `fn` under the CPU profiler when `--cpu-profile` is set; returns its result and, when profiled, a table of hot functions. */
export async function withCpuProfile<T>(options: RunOptions, label: string, fn: () => Promise<T>): Promise<{ result: T; table?: Table }> {
  if (!options.cpuProfileDir) return { result: await fn() };
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
  let outcome: { ok: true; value: T } | { ok: false; error: unknown };
  try {
    outcome = { ok: true, value: await fn() };
  } catch (error) {
    outcome = { ok: false, error };
  }
  const { profile } = await post<{ profile: Profiler.Profile }>('Profiler.stop');
  if (!outcome.ok) throw outcome.error;
  mkdirSync(options.cpuProfileDir, { recursive: true });
  const file = path.join(options.cpuProfileDir, `${slug(label)}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  return { result: outcome.value, table: hotFunctions(profile, `CPU profile — ${label} (main thread; ${file})`) };
}

/** Self time per function (name, file, line), summed over the profile's nodes; the top `limit`. */
export function hotFunctions(profile: Profiler.Profile, title: string, limit = 15): Table {
  const intervals = new Map<number, number>();
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => intervals.set(id, (intervals.get(id) ?? 0) + (deltas[i + 1] ?? 0)));
  const total = [...intervals.values()].reduce((a, b) => a + b, 0) || 1;
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const micros = intervals.get(node.id) ?? 0;
    if (!micros) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? `${url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, '~/').replace(/^.*\/(src|bench)\//, '$1/')}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
  }
  const rows = [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, limit);
  return {
    title,
    columns: ['function', 'self ms', 'self %'],
    rows: rows.map(([name, micros]) => [name.slice(0, 110), formatCount(micros / 1000), ((100 * micros) / total).toFixed(1)]),
    notes: [`${formatCount(total / 1000)} ms sampled; (idle) and (garbage collector) are V8's own entries`],
  };
}
