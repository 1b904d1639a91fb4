/** The time as a rune that ticks, so "5 min ago" and a running job's duration stay true on screen. */
export function ticking(everyMs = 1000): { readonly current: Date } {
  let current = $state(new Date());
  $effect(() => {
    const timer = setInterval(() => (current = new Date()), everyMs);
    return () => clearInterval(timer);
  });
  return {
    get current() {
      return current;
    }
  };
}
