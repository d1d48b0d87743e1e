import { describe, expect, it } from 'vitest';
import { createTokenStore } from './tokenStore';

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => {
      m.delete(k);
    },
    setItem: (k, v) => {
      m.set(k, v);
    },
  };
}

describe('createTokenStore', () => {
  it('survives a reload through sessionStorage', () => {
    const storage = memoryStorage();
    createTokenStore(storage).set('abc');
    expect(createTokenStore(storage).get()).toBe('abc');
  });

  it('clears on logout', () => {
    const storage = memoryStorage();
    const s = createTokenStore(storage);
    s.set('abc');
    s.set(null);
    expect(createTokenStore(storage).get()).toBeNull();
  });

  it('works in memory when storage throws', () => {
    const broken = {
      ...memoryStorage(),
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    } as Storage;
    const s = createTokenStore(broken);
    s.set('abc');
    expect(s.get()).toBe('abc');
  });
});
