/**
 * What a sandbox page needs: the apps' stores over the tab's database, and whether they are seeded (live
 * queries may not write, so a page reads only once its app is ready).
 */
import { formatNumber, t } from '$lib/i18n';
import { getDb } from '../db-context';
import { dexieSandboxStores, type DexieSandboxStores } from '../../store/sandbox-apps';
import { errorText } from '$lib/ui/problems/problem-text';

export function useSandbox(app: keyof DexieSandboxStores) {
  const db = getDb();
  const stores = dexieSandboxStores(db);
  let ready = $state(false);
  let problem = $state<string | undefined>();
  stores[app]
    .ready()
    .then(() => (ready = true))
    .catch((err) => (problem = t('apps:sandbox.openFailed', { app, error: errorText(err) })));
  return {
    db,
    stores,
    get ready() {
      return ready;
    },
    get problem() {
      return problem;
    }
  };
}

/** `1,230.00 EUR` */
export function money(amount: number, currency: string): string {
  return `${formatNumber(amount, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;
}

/** What a page adds to its status line when its new record started recipes: `; started 2 jobs`, or nothing. */
export function startedJobs(count: number): string {
  return count ? t('apps:sandbox.startedJobs', { count }) : '';
}
