/**
 * A restore replaces what every open tab of the studio shows and runs (its engine worker, its
 * schedules), so the tab that restored tells the others, which then offer to reload. Same-origin only
 * (BroadcastChannel); where there is none (Node, an old browser) nothing is sent or heard.
 */
const CHANNEL = 'sous-backup';
/** This tab: a channel's other objects in the same tab hear its messages too, and it is no news to itself. */
const THIS_TAB = typeof crypto !== 'undefined' ? crypto.randomUUID() : String(Math.random());

interface Restored {
  kind: 'restored';
  at: string;
  tab: string;
}

/** Tell the studio's other tabs that this one restored a backup. */
export function announceRestore(now = new Date(), tab = THIS_TAB): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage({ kind: 'restored', at: now.toISOString(), tab } satisfies Restored);
  channel.close();
}

/** Call `heard` when another tab restores a backup; answers the function that stops listening. */
export function onRestoreElsewhere(heard: (at: string) => void, tab = THIS_TAB): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const data = event.data as Partial<Restored> | null;
    if (data?.kind === 'restored' && typeof data.at === 'string' && data.tab !== tab) heard(data.at);
  };
  return () => channel.close();
}
