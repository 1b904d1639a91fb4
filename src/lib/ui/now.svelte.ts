/** The time as a rune that ticks, so "5 min ago" and a running job's duration stay true on screen. */
export function ticking(everyMs = 1000): { readonly current: Date } {
  let ms = $state(Date.now());
  const current = $derived(new Date(ms));
  $effect(() => {
    const timer = setInterval(() => (ms = Date.now()), everyMs);
    return () => clearInterval(timer);
  });
  return {
    get current() {
      return current;
    }
  };
}
