import type { JobTask } from '../job-task';
import { marketPartitionsJob } from './market-partitions.job';
import { marketRetentionJob } from './market-retention.job';
import { marketSimulateJob } from './market-simulate.job';
import { syncJobTasks } from '../../domains/sync';
import { sellingJobTasks } from '../../domains/selling';

/** Every job MarketGraph runs: a new job is one file plus one line here. */
export const jobTasks: readonly JobTask[] = [marketPartitionsJob, marketRetentionJob, marketSimulateJob, ...syncJobTasks, ...sellingJobTasks];
