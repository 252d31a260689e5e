import { z } from 'zod';
import { decodeCursor, encodeCursor } from './opaque-cursor';
import { ProviderErrorKind } from './provider-error';

const schema = z.object({ phase: z.enum(['active', 'history']), page: z.number().int() });

describe('opaque cursors', () => {
  it('round-trips paging state', () => {
    const state = { phase: 'history' as const, page: 3 };
    expect(decodeCursor('stockx', encodeCursor(state), schema)).toEqual(state);
  });

  it.each(['', 'not base64 !!', encodeCursor({ phase: 'other', page: 1 }), encodeCursor('x')])('rejects %p as PERMANENT', (cursor) => {
    expect(() => decodeCursor('stockx', cursor, schema)).toThrow(expect.objectContaining({ kind: ProviderErrorKind.PERMANENT }));
  });
});
