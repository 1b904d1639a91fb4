/** Yes/no answers for a boolean field: yes/no/true/false/on/off/1/0/네/아니요 and the bare replies. */
import { classifyReply } from '../replies';

const TRUE = /^(?:true|yes|y|on|1|enabled?|참|예|네|응|맞아요?|있어요?|있음)$/i;
const FALSE = /^(?:false|no|n|off|0|disabled?|none|거짓|아니요|아니오|아뇨|아니|없어요?|없음)$/i;

export function readBoolean(raw: string): boolean | undefined {
  const t = raw.trim().replace(/[.!?。]+$/, '').trim();
  if (TRUE.test(t)) return true;
  if (FALSE.test(t)) return false;
  const reply = classifyReply(t);
  if (reply === 'yes') return true;
  if (reply === 'no') return false;
  return undefined;
}
