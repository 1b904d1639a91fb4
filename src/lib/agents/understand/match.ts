/** Basic-mode skill choice (being written; scores nothing yet). */
import type { Field } from '../../recipe';

export interface SkillCandidate {
  id: string;
  name: string;
  description?: string;
  fields: Field[];
  examples?: string[];
}
export interface SkillScore {
  id: string;
  score: number;
}
export const MATCH_THRESHOLD = 0.35;
export const AMBIGUOUS_MARGIN = 0.1;

export function scoreSkills(_text: string, candidates: SkillCandidate[]): SkillScore[] {
  return candidates.map((c) => ({ id: c.id, score: 0 }));
}
