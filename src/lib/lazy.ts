/**
 * An object whose properties are built on first read, then kept. A request context offers a
 * loader for every entity, but a query touches two or three: building all of them up front was
 * a measurable share of each request (docs/benchmarks.md).
 */
export function lazyProperties<T extends object>(factories: { [K in keyof T]: () => T[K] }): T {
  const target = {};
  for (const key of Object.keys(factories) as (keyof T & string)[]) {
    const build = factories[key];
    Object.defineProperty(target, key, {
      configurable: true,
      enumerable: true,
      get() {
        const value = build();
        Object.defineProperty(target, key, { value, enumerable: true, writable: false });
        return value;
      },
    });
  }
  // Every key of T has a getter above; TypeScript cannot follow defineProperty.
  return target as T;
}
