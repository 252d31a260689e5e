import type { JobTask } from '../../../jobs/job-task';
import { listingsSyncJob } from './listings-sync.job';
import { marketSyncJob } from './market-sync.job';
import { ordersSyncJob } from './orders-sync.job';
import { syncReaperJob } from './sync-reaper.job';
import { syncScheduleJob } from './sync-schedule.job';

/** The sync engine's jobs, for the job engine's task list. */
export const syncJobTasks: readonly JobTask[] = [ordersSyncJob, listingsSyncJob, marketSyncJob, syncReaperJob, syncScheduleJob] as readonly JobTask[];
