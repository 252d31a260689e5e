export { JobEngine, JOB_SCHEMA, type JobEngineOptions } from './job-engine';
export type { JobName, JobPayloads, JobQueue, JobState, JobStatus, SendOptions } from './job-queue';
export { defineJob, type JobContext, type JobOutput, type JobTask, type JobTrigger, type QueuePolicy, type RetryPolicy } from './job-task';
export { jobTasks } from './tasks';
