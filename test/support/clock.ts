import type { Clock } from '../../src/common/clock';

/**
 * A clock a test controls. It follows the system clock until frozen; frozen, it moves only when the test
 * advances it, so freshness, cache lifetimes and cooldowns cannot change between two lines of a test.
 */
export class TestClock implements Clock {
  private frozenAt: number | null = null;
  private offsetMs = 0;

  get isFrozen(): boolean {
    return this.frozenAt !== null;
  }

  now(): Date {
    return new Date(this.frozenAt ?? Date.now() + this.offsetMs);
  }

  /** Stops time at `at` (default: now). */
  freeze(at: Date = this.now()): Date {
    this.frozenAt = at.getTime();
    return at;
  }

  /** Moves time forward (frozen or not). */
  advance(ms: number): Date {
    if (this.frozenAt !== null) this.frozenAt += ms;
    else this.offsetMs += ms;
    return this.now();
  }

  /** Lets time run again from where it stands. */
  resume(): void {
    if (this.frozenAt === null) return;
    this.offsetMs = this.frozenAt - Date.now();
    this.frozenAt = null;
  }
}
