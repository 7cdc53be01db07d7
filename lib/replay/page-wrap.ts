/**
 * How the page-world sensor (page-requests.ts, page-schedule.ts) puts its wrappers in place of a page's
 * functions, so that to the page they look and behave like the built-ins they replace.
 */

// Taken when the sensor loads, at document_start before any page script: a page that later patches
// Reflect or Function.prototype.apply cannot reach into the wrappers.
const apply = Reflect.apply;

// biome-ignore lint/complexity/noBannedTypes: any page function, called through Reflect.apply
export type PageFunction = Function;

/** Calls a page function with `self` and `args`, through the `Reflect.apply` taken at load. */
export function callPageFunction(original: PageFunction, self: unknown, args: readonly unknown[]): unknown {
  return apply(original, self, args);
}

/**
 * Puts a wrapper in place of `owner[name]` (nothing when it is not a function): each call runs
 * `around(original, this, args)`, whose result the caller gets. The wrapper keeps the original's name and
 * length and, like a built-in method, cannot be called with `new`.
 */
export function wrapPageMethod(
  owner: object,
  name: string,
  around: (original: PageFunction, self: unknown, args: unknown[]) => unknown,
): void {
  const original = (owner as Record<string, unknown>)[name];
  if (typeof original !== 'function') return;
  const wrapper = {
    [name](this: unknown, ...args: unknown[]): unknown {
      return around(original, this, args);
    },
  }[name] as PageFunction;
  Object.defineProperty(wrapper, 'length', { value: original.length, configurable: true });
  (owner as Record<string, unknown>)[name] = wrapper;
}
