/**
 * The browser's own install offer (`beforeinstallprompt`, Chromium): kept so the studio can show an
 * "Install" entry only where the browser offers it, and drop it once installed. Browser only.
 */

/** Chromium's event; not in TypeScript's DOM types. */
export interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** Calls `onChange` with the offer when the browser makes one, and with null once installed. */
export function watchInstallOffer(onChange: (offer: InstallPromptEvent | null) => void): () => void {
  if (typeof window === 'undefined') return () => {};
  const offered = (event: Event) => {
    event.preventDefault(); // the studio shows its own entry instead of the browser's mini bar
    onChange(event as InstallPromptEvent);
  };
  const installed = () => onChange(null);
  window.addEventListener('beforeinstallprompt', offered);
  window.addEventListener('appinstalled', installed);
  return () => {
    window.removeEventListener('beforeinstallprompt', offered);
    window.removeEventListener('appinstalled', installed);
  };
}

/** Shows the browser's install dialog; answers whether the person accepted (an offer can be used once). */
export async function install(offer: InstallPromptEvent): Promise<boolean> {
  await offer.prompt();
  return (await offer.userChoice).outcome === 'accepted';
}
