/**
 * The browser's own install offer (`beforeinstallprompt`, Chromium): kept so the studio can show an
 * "Install" entry only where the browser offers it, and drop it once installed. Browser only.
 */

/** Chromium's event; not in TypeScript's DOM types. */
export interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** The browser's latest offer, kept from the moment this module loads (it may come before the nav mounts). */
let latest: InstallPromptEvent | null = null;
const listeners = new Set<(offer: InstallPromptEvent | null) => void>();

function announce(offer: InstallPromptEvent | null) {
  latest = offer;
  for (const listener of listeners) listener(offer);
}

if (typeof window !== 'undefined') {
  window.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault(); // the studio shows its own entry instead of the browser's mini bar
    announce(event as InstallPromptEvent);
  });
  window.addEventListener('appinstalled', () => announce(null));
}

/** Calls `onChange` with the offer (now, if one was made, and when the browser makes one), null once installed. */
export function watchInstallOffer(onChange: (offer: InstallPromptEvent | null) => void): () => void {
  listeners.add(onChange);
  if (latest) onChange(latest);
  return () => listeners.delete(onChange);
}

/** Shows the browser's install dialog; answers whether the person accepted (an offer can be used once). */
export async function install(offer: InstallPromptEvent): Promise<boolean> {
  if (latest === offer) latest = null; // an offer can be shown once; the browser makes a new one if declined
  await offer.prompt();
  return (await offer.userChoice).outcome === 'accepted';
}
