/**
 * A component (or module) imported the first time it is wanted, not with the page: dialogs that pull in
 * the canvas, the copilot or the run form stay out of the home page's first download. `current` is
 * undefined until `load()` has been called and the import has arrived; a failed import (offline, a build
 * replaced under the tab) is reported and may be tried again.
 */
export function lazy<T>(importer: () => Promise<{ default: T }>): { readonly current: T | undefined; load(): Promise<T> } {
  let current = $state.raw<T | undefined>();
  let pending: Promise<T> | undefined;
  return {
    get current() {
      return current;
    },
    load() {
      pending ??= importer().then(
        (module) => (current = module.default),
        (err) => {
          pending = undefined;
          throw err;
        }
      );
      return pending;
    }
  };
}
