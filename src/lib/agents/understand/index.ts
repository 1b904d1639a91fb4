/**
 * Reading what a person types to an agent (English and Korean): language, bare yes/no/cancel replies,
 * corrections, typed field values, values an opening message already holds, and basic-mode skill matching.
 * STUB: the real modules replace these bodies.
 */
import type { Field } from '../../recipe';

export type Lang = 'en' | 'ko';
export function detectLang(text: string): Lang {
  return /[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]/.test(text) ? 'ko' : 'en';
}

export type Reply = 'yes' | 'no' | 'cancel';
export function classifyReply(_text: string): Reply | null {
  return null;
}

export function parseCorrection(_text: string, _fields: Field[]): { field: string; raw: string } | undefined {
  return undefined;
}

export type Parsed = { ok: true; value: unknown } | { ok: false; reason: string };
export function parseFieldValue(_field: Field, raw: string, _lang: Lang, _now: Date = new Date()): Parsed {
  return { ok: true, value: raw.trim() };
}

export function extractValues(_text: string, _fields: Field[], _hints?: { examples?: string[]; now?: Date }): Record<string, unknown> {
  return {};
}

export interface SkillCandidate {
  id: string;
  name: string;
  description?: string;
  fields: Field[];
  examples?: string[];
}
export function scoreSkills(_text: string, candidates: SkillCandidate[]): { id: string; score: number }[] {
  return candidates.map((c) => ({ id: c.id, score: 0 }));
}

export const MATCH_THRESHOLD = 0.3;
export const AMBIGUOUS_MARGIN = 0.08;
