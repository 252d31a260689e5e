import type { BenchEnvironment } from './environment';

/** One printed table: a title, column headings and rows of already formatted cells. */
export interface Table {
  title: string;
  columns: string[];
  rows: Array<Array<string | number>>;
  /** Lines printed under the table (dataset size, caveats). */
  notes?: string[];
}

/** What a scenario hands back: its tables, a one-line headline for the summary, and failures. */
export interface ScenarioReport {
  tables: Table[];
  /** e.g. "4,210 req/s, p95 9.8 ms"; shown in the final summary. */
  headline: string;
  /**
   * Functional failures (non-2xx responses, GraphQL errors, a process that never became ready).
   * Any entry fails the run; slow figures never do.
   */
  failures: string[];
}

/** Settings the command line applies to every scenario that honours them. */
export interface RunOptions {
  /** Overrides each HTTP load's measured duration (seconds). */
  durationSeconds?: number;
  /** Overrides each HTTP load's connection count. */
  connections?: number;
  /** `--cpu-profile=<dir>`: profile the measured parts (see bench/profile.ts). */
  cpuProfileDir?: string;
}

/** What a scenario receives: the shared environment, the command-line options and a stop signal. */
export interface ScenarioContext {
  env: BenchEnvironment;
  options: RunOptions;
  /** Aborted when the scenario's time budget is spent or the run is interrupted; stop workers and children on it. */
  signal: AbortSignal;
  /** Progress line on stderr (the tables go to stdout). */
  progress(message: string): void;
}

/** A named benchmark; register it in `bench/scenarios/index.ts`. */
export interface Scenario {
  /** Command-line name: `npm run bench -- <name>`. */
  name: string;
  description: string;
  /**
   * Hard upper bound for the whole scenario, dataset loading included; a function when the bound
   * depends on the command line (e.g. a soak whose length `--duration` sets).
   */
  timeoutSeconds: number | ((options: RunOptions) => number);
  run(context: ScenarioContext): Promise<ScenarioReport>;
}
