import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute } from './route';

describe('企业名录 routes', () => {
  it('round-trips the directory and an enterprise, whatever characters its id has', () => {
    for (const r of [
      { name: 'enterprises' as const },
      { name: 'enterprise' as const, id: 'ent-91522627MA6DLX3K0X' },
      { name: 'enterprise' as const, id: 'ent/with 空格' },
    ])
      expect(parseRoute(hrefOf(r))).toEqual(r);
    expect(hrefOf({ name: 'enterprise', id: 'ent-000001' })).toBe('#/enterprises/ent-000001');
  });
});
