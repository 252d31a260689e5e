import type { JobName, JobQueue, JobState, JobStatus } from '../../src/jobs';
import { waitFor } from '../support/wait';

export { waitFor };


/** Waits until a job reaches one of `states` (by default: finished) and returns its status. */
export async function waitForJob(queue: JobQueue, name: JobName, id: string, states: JobState[] = ['completed', 'failed', 'cancelled']): Promise<JobStatus> {
  let status: JobStatus | null = null;
  await waitFor(`job ${name} ${id} to be ${states.join('/')} (last: ${JSON.stringify(status)})`, async () => {
    status = await queue.status(name, id);
    return !!status && states.includes(status.state);
  });
  return status!;
}
