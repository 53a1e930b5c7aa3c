/**
 * A value remembered by key in `cache`, computed once. Keys come from pages (language tags, counts), so
 * a cache is not allowed to grow without bound: at `limit` entries it starts over — a page only ever
 * uses a handful, so that is rare and cheap.
 */
export function remember<T>(cache: Map<string, T>, limit: number, key: string, compute: () => T): T {
  if (cache.has(key)) return cache.get(key) as T;
  const value = compute();
  if (cache.size >= limit) cache.clear();
  cache.set(key, value);
  return value;
}
