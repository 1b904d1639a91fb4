/** An audit action in the person's language (the catalogue keys use `_` where the action has a `.`). */
import { t } from '$lib/i18n';
import type { AuditAction } from '../../audit/schema';

export function actionText(action: AuditAction): string {
  return t(`audit:action.${action.replace('.', '_')}` as Parameters<typeof t>[0]);
}
