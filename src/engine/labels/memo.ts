/**
 * Memoise a pure function of a string. Report labels repeat endlessly (계, 구비, 2020년 …), so detection of a
 * thousand tables asks the same questions again and again. The cache is dropped when it grows large.
 */
const MAX_ENTRIES = 20000;

export function memoByString<T>(fn: (text: string) => T): (text: string) => T {
  let cache = new Map<string, T>();
  return (text: string): T => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as T;
    const value = fn(text);
    if (cache.size >= MAX_ENTRIES) cache = new Map();
    cache.set(text, value);
    return value;
  };
}
