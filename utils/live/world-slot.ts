/**
 * A function an injected file of the package registers in the content script's isolated world: the
 * dialog's frame code (components/prompt/frame-slot.ts) and the generic layer (utils/sites/generic-slot.ts)
 * come this way, kept out of the content scripts to keep them small. The background injects the file into
 * the asking frame; it runs in this world and fills a global here, which page scripts have their own copy
 * of and can neither read nor replace. Registered once: it cannot be replaced either.
 */
export interface WorldSlot<T extends (...args: never[]) => unknown> {
  get(): T | undefined;
  set(value: T): void;
}

export function worldSlot<T extends (...args: never[]) => unknown>(name: string): WorldSlot<T> {
  const get = () => {
    const found = (globalThis as unknown as Record<string, unknown>)[name];
    return typeof found === 'function' ? (found as T) : undefined;
  };
  return {
    get,
    set(value) {
      if (get()) return;
      Object.defineProperty(globalThis, name, { value, configurable: false, enumerable: false, writable: false });
    },
  };
}
