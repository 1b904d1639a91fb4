/** The chain's state in the person's language. */
import { t } from '$lib/i18n';
import type { ChainState } from '../../audit/chain';

export function chainText(state: ChainState): string {
  if (state.ok) return t('audit:intact', { entries: state.entries });
  const key = state.problem === 'changed' ? 'audit:brokenChanged' : state.problem === 'removed' ? 'audit:brokenRemoved' : 'audit:brokenTruncated';
  return t(key, { at: state.at });
}
