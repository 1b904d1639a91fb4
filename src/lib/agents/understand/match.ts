/**
 * Basic-mode skill choice: how well a request matches each skill (or agent), by the words of its name,
 * description and examples (strongly) and its input fields (weakly), in English and Korean alike through
 * the shared features (concepts, stems, Korean bigrams; see features.ts).
 *
 * A skill's score mixes two things, both in [0, 1]:
 * - precision: of the request's words that mean something to ANY candidate, how many this one knows.
 *   Words no candidate knows (a vendor's name, "please") are left out, so values do not dilute the score.
 * - recall: of the best-matching phrase (its name or one example), how much the request covers.
 * Words every candidate shares count less (divided by the root of how many have them).
 */
import type { Field } from '../../recipe';
import { features, withoutPhrases } from './features';
import { GENERIC_CONCEPTS } from './synonyms';

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

/** Below this the best skill is not taken: "I can't do that". */
export const MATCH_THRESHOLD = 0.4;
/** When the top two are closer than this, ask "Do you mean A or B?". */
export const AMBIGUOUS_MARGIN = 0.12;

const PRECISION_WEIGHT = 0.55;
/** A request whose only known words are generic ("tell me", "show") beside another topic is scaled down by this. */
const GENERIC_ONLY = 0.4;
const FIELD_HIT = 0.5;

/** A word only the description has counts this much (descriptions say more than what a skill is for). */
const DESCRIPTION_HIT = 0.7;
/** Generic words beside a topic the synonym table knows but no candidate has ("where are my invoices" to a shop agent). */
const KNOWN_OTHER_TOPIC = 0.3;

interface Profile {
  id: string;
  phrases: Set<string>[];
  words: Set<string>;
  described: Set<string>;
  fields: Set<string>;
}

function profile(c: SkillCandidate): Profile {
  const phrases = [c.name, ...(c.examples ?? [])].filter((p) => p && p.trim()).map(features);
  const description = features(c.description ?? '');
  const words = new Set<string>(phrases.flatMap((p) => [...p]));
  const fields = new Set<string>(c.fields.flatMap((f) => [...features(f.name), ...features(f.description ?? '')]));
  return { id: c.id, phrases: [...phrases, description].filter((p) => p.size > 0), words, described: description, fields };
}

/**
 * Does the request hold, beyond the words the candidates know, another topic ("tell me a joke", "날씨")?
 * Names and codes ("look up Globex", "ord-1003") are values, not topics.
 */
function otherTopic(text: string, known: (f: string) => boolean): boolean {
  for (const token of withoutPhrases(text).match(/[\p{L}\p{N}][\p{L}\p{N}_-]*/gu) ?? []) {
    if (/\d/.test(token) || /^[A-Z\u00c0-\u00de]/.test(token)) continue;
    const f = [...features(token)];
    if (f.length && !f.some(known)) return true;
  }
  return false;
}

/** Concepts weigh most; stems and Korean bigrams (more often a name or a stray word) less. */
function kindWeight(feature: string): number {
  return feature.startsWith('c:') ? 1 : 0.6;
}

export function scoreSkills(text: string, candidates: SkillCandidate[]): SkillScore[] {
  const query = features(text);
  const profiles = candidates.map(profile);
  const df = new Map<string, number>();
  for (const p of profiles) for (const f of new Set([...p.words, ...p.described, ...p.fields])) df.set(f, (df.get(f) ?? 0) + 1);
  const weight = (f: string) => kindWeight(f) / Math.sqrt(df.get(f) ?? 1);
  const known = [...query].filter((f) => df.has(f));
  const knownWeight = known.reduce((s, f) => s + weight(f), 0);
  const foreignConcept = [...query].some((f) => f.startsWith('c:') && !df.has(f) && !GENERIC_CONCEPTS.has(f.slice(2)));
  const genericOnly = known.every((f) => GENERIC_CONCEPTS.has(f.slice(2)) && f.startsWith('c:')) && otherTopic(text, (f) => df.has(f));

  const scores = profiles.map((p) => {
    if (!known.length) return { id: p.id, score: 0 };
    const hit = known.reduce((s, f) => s + weight(f) * (p.words.has(f) ? 1 : p.described.has(f) ? DESCRIPTION_HIT : p.fields.has(f) ? FIELD_HIT : 0), 0);
    const precision = hit / knownWeight;
    let recall = 0;
    for (const phrase of p.phrases) {
      let total = 0;
      let covered = 0;
      for (const f of phrase) {
        total += weight(f);
        if (query.has(f)) covered += weight(f);
      }
      if (total > 0) recall = Math.max(recall, covered / total);
    }
    const mixed = PRECISION_WEIGHT * precision + (1 - PRECISION_WEIGHT) * recall;
    const score = hit > 0 ? mixed * (genericOnly ? (foreignConcept ? KNOWN_OTHER_TOPIC : GENERIC_ONLY) : 1) : 0;
    return { id: p.id, score: Math.round(Math.min(1, score) * 1000) / 1000 };
  });
  return scores.sort((a, b) => b.score - a.score);
}
