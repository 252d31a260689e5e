import fc from 'fast-check';
import { fullJitterDelay } from './backoff';

const policy = { baseDelayMs: 500, maxDelayMs: 20_000 };

describe('fullJitterDelay', () => {
  it('doubles the ceiling per retry', () => {
    const top = (retry: number) => fullJitterDelay(retry, policy, () => 0.999999);
    expect([1, 2, 3, 4].map(top)).toEqual([499, 999, 1999, 3999]);
  });

  it('is capped at maxDelayMs', () => {
    expect(fullJitterDelay(30, policy, () => 0.999999)).toBe(19_999);
  });

  it('is uniformly spread between 0 and the ceiling', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (retry, r) => {
        const delay = fullJitterDelay(retry, policy, () => r);
        return delay >= 0 && delay < Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1)) + 1;
      }),
    );
    expect(fullJitterDelay(3, policy, () => 0)).toBe(0);
  });
});
