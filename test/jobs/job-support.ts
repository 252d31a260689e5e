import type { JobName, JobQueue, JobState, JobStatus } from '../../src/jobs';

/** Polls until the condition holds; fails with `what` after a generous deadline (waits, never asserts timing). */
export async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits until a job reaches one of `states` (by default: finished) and returns its status. */
export async function waitForJob(queue: JobQueue, name: JobName, id: string, states: JobState[] = ['completed', 'failed', 'cancelled']): Promise<JobStatus> {
  let status: JobStatus | null = null;
  await waitFor(`job ${name} ${id} to be ${states.join('/')} (last: ${JSON.stringify(status)})`, async () => {
    status = await queue.status(name, id);
    return !!status && states.includes(status.state);
  });
  return status!;
}
