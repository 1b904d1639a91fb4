/**
 * Reading what a person types to an agent, in English and Korean: the language, bare yes/no/cancel
 * replies, corrections of a collected value, typed field values, values an opening message already holds,
 * and basic-mode skill matching. Pure functions, no framework: the conversation, `sous chat` and the
 * studio use them alike.
 */
export { detectLang, type Lang } from './lang';
export { classifyReply, type Reply } from './replies';
export { parseCorrection, type Correction } from './corrections';
export { parseFieldValue, type Parsed } from './values';
export { extractValues } from './extract';
export { scoreSkills, MATCH_THRESHOLD, AMBIGUOUS_MARGIN, type SkillCandidate, type SkillScore } from './match';
