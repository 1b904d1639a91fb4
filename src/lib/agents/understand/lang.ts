/** Which language a message is in: any Hangul makes it Korean (names and codes are often Latin in Korean text). */
import { hasHangul } from './text';

export type Lang = 'en' | 'ko';

export function detectLang(text: string): Lang {
  return hasHangul(text) || /[\u1100-\u11ff\u3130-\u318f]/.test(text) ? 'ko' : 'en';
}
