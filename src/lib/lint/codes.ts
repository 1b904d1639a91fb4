/**
 * Every problem code lint can give, so the studio can say each in the person's language (the `problems`
 * namespace has words for every one, in English and Korean: a unit test holds them together). A code is
 * stable: the English message may be reworded, the code and its parameters are what the words are made of.
 */
export const LINT_CODES = [
  'duplicate_id',
  'after_stop',
  'items_required',
  'condition_required',
  'no_connector',
  'no_action',
  'input_required',
  'input_type',
  'input_enum',
  'choose_recipe',
  'no_recipe',
  'choose_app',
  'unknown_event',
  'unknown_event_none',
  'choose_event',
  'choose_event_none',
  'bad_expression',
  'hyphen_ref',
  'error_outside_catch',
  'loop_name_outside',
  'loop_name_other',
  'step_disabled',
  'no_step',
  'step_not_done',
  'step_not_before',
  'connection_not_named',
  'connection_other_connector',
  'connection_not_set_up',
  'policy_connector',
  'policy_action',
  'policy_host',
  'policy_host_none',
  'policy_approval',
  'policy_ai'
] as const;

export type LintCode = (typeof LINT_CODES)[number];

/** What a problem's words are filled with: names, ids, counts. */
export type ProblemParams = Record<string, string | number>;
