import { vi } from 'vitest';

/**
 * The disk fills up: the next write to `store` fails as a browser's does (QuotaExceededError), once.
 * Both ways a store is written are covered; the request throws before anything of it is stored.
 */
export function diskFullOnce(store: string): void {
  let failed = false;
  for (const method of ['add', 'put'] as const) {
    const original = IDBObjectStore.prototype[method];
    vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (!failed && this.name === store) {
        failed = true;
        throw new DOMException('The disk is full.', 'QuotaExceededError');
      }
      return original.call(this, value, key);
    });
  }
}
