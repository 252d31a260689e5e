import type { JobContext } from '../../../jobs/job-task';
import type { SyncJobInfo } from '../run-executor';

/** The job facts a sync needs; interval runs have no pg-boss job id. */
export const jobInfo = (ctx: JobContext): SyncJobInfo => ({ jobId: ctx.job.trigger === 'queue' ? ctx.job.id : null, signal: ctx.signal });
