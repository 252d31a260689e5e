import { assertTransition, canReach, canTransition, OrderStatus } from './order-lifecycle';

const S = OrderStatus;
const ORDER = [S.PENDING, S.CONFIRMED, S.AUTHENTICATING, S.AUTHENTICATED, S.SHIPPED, S.DELIVERED, S.COMPLETED, S.CANCELLED, S.RETURNED];

// Written out by hand, independent of the implementation's table: row = from, column = to, x = allowed.
//                      PEN CON AUT ATD SHP DEL COM CAN RET
const EXPECTED: Record<OrderStatus, string> = {
  [S.PENDING]:        ' .   x   .   .   .   .   .   x   . ',
  [S.CONFIRMED]:      ' .   .   x   .   x   .   .   x   . ',
  [S.AUTHENTICATING]: ' .   .   .   x   .   .   .   x   . ',
  [S.AUTHENTICATED]:  ' .   .   .   .   x   .   .   x   . ',
  [S.SHIPPED]:        ' .   .   .   .   .   x   .   .   . ',
  [S.DELIVERED]:      ' .   .   .   .   .   .   x   .   x ',
  [S.COMPLETED]:      ' .   .   .   .   .   .   .   .   x ',
  [S.CANCELLED]:      ' .   .   .   .   .   .   .   .   . ',
  [S.RETURNED]:       ' .   .   .   .   .   .   .   .   . ',
};
const pairs = ORDER.flatMap((from) => {
  const marks = EXPECTED[from].trim().split(/\s+/);
  return ORDER.map((to, index) => [from, to, marks[index] === 'x'] as const);
});

describe('order lifecycle', () => {
  it('covers every status in the expected table', () => {
    expect(Object.values(OrderStatus).sort()).toEqual([...ORDER].sort());
    expect(pairs).toHaveLength(81);
  });

  it.each(pairs)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
    const verdict = assertTransition(from, to);
    expect(verdict.allowed).toBe(allowed);
    if (!verdict.allowed) expect(verdict.reason.length).toBeGreaterThan(10);
  });

  it.each([
    [S.SHIPPED, S.CANCELLED, 'an order can only be cancelled before it ships; it is SHIPPED'],
    [S.CONFIRMED, S.RETURNED, 'only a delivered or completed order can be returned; it is CONFIRMED'],
    [S.CANCELLED, S.PENDING, 'a CANCELLED order is final'],
    [S.RETURNED, S.COMPLETED, 'a RETURNED order is final'],
    [S.DELIVERED, S.DELIVERED, 'the order is already DELIVERED'],
    [S.PENDING, S.SHIPPED, 'a PENDING order can only move to CONFIRMED or CANCELLED, not SHIPPED'],
    [S.COMPLETED, S.DELIVERED, 'a COMPLETED order can only move to RETURNED, not DELIVERED'],
  ])('explains %s → %s', (from, to, reason) => {
    expect(assertTransition(from, to)).toEqual({ allowed: false, reason });
  });

  it('refuses unknown statuses with a reason instead of crashing', () => {
    expect(assertTransition('LOST' as OrderStatus, S.PENDING)).toEqual({ allowed: false, reason: 'unknown order status LOST' });
    expect(canTransition(S.PENDING, 'LOST' as OrderStatus)).toBe(false);
  });

  it('tells sync which jumps are progress', () => {
    expect(canReach(S.CONFIRMED, S.DELIVERED)).toBe(true);
    expect(canReach(S.PENDING, S.RETURNED)).toBe(true);
    expect(canReach(S.PENDING, S.PENDING)).toBe(true);
    expect(canReach(S.SHIPPED, S.CANCELLED)).toBe(false);
    expect(canReach(S.COMPLETED, S.DELIVERED)).toBe(false);
    expect(canReach(S.CANCELLED, S.RETURNED)).toBe(false);
  });
});
