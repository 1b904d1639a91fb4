/**
 * What the conversation needs from its caller, and what a chooser is. The conversation itself knows no
 * storage, UI or model runtime: the studio's worker, `sous chat` and the tests each pass their own.
 */
import type { Field, Job, Recipe, User } from '../../recipe';
import type { RecipeEffect } from '../../connectors/effects';
import type { Agent, Skill } from '../format';
import type { Turn } from '../turn';

export type Lang = 'en' | 'ko';

/** A skill as the conversation sees it: the agent's entry, its callable recipe, its fields and effect. */
export interface SkillView {
  skill: Skill;
  recipe: Recipe;
  fields: Field[];
  effect: RecipeEffect;
}

export interface JobPort {
  /**
   * Start the skill's recipe as a job, as `who.user`, and run it until it ends or waits for an approval.
   * Throws the engine's RunRefused when the input is refused (nothing ran).
   */
  start(recipe: Recipe, input: Record<string, unknown>, who: { agent: string; handedBy?: string; user: User; parentJob?: string }): Promise<Job>;
  /** Answer a waiting approval step (by its record's path) as `by`, and run the job on until it ends or waits. */
  answer(jobId: string, stepPath: string, choice: string, by: User): Promise<Job>;
  get(jobId: string): Promise<Job | undefined>;
}

export interface ConversationPorts {
  /** An agent by id: the one talked to and those it may hand on to. */
  agent(id: string): Agent | undefined;
  /** A recipe by id (a skill is usable only when its recipe is there and callable). */
  recipe(id: string): Recipe | undefined;
  /** The recipe's effect, with the recipes it calls (see connectors/effects). */
  effect(recipeId: string): RecipeEffect;
  chooser: Chooser;
  jobs: JobPort;
  /** The person talking: jobs run as them, so verified user access applies. */
  user: User;
  now?: () => Date;
  /** The link a job's answer carries, e.g. `/jobs/ID` in the studio; default: none in the text. */
  jobLink?: (jobId: string) => string;
}

export interface ChooseRequest {
  text: string;
  lang: Lang;
  agent: Agent;
  skills: SkillView[];
  /** The agents this one may hand on to. */
  handoffs: Agent[];
  /**
   * For each hand-off agent (by id), the skills reachable through it, so a chooser can tell which agent a
   * request is for by their skills too. Optional: a chooser without it goes by names and descriptions.
   */
  handoffSkills?: Record<string, SkillView[]>;
  /** The conversation so far, oldest first. */
  history: Turn[];
}

export type Choice = (
  /** One of the agent's skills, with any input values the message already holds. */
  | { kind: 'skill'; skill: string; values?: Record<string, unknown> }
  | { kind: 'handoff'; agent: string }
  /** More than one skill (or agent) fits: ask which one is meant. */
  | { kind: 'ambiguous'; options: string[] }
  | { kind: 'none' }
) & {
  /** The model could not answer (or answered wrongly) and basic mode chose instead; the agent says so. */
  fellBack?: boolean;
};

/** Decides what a message asks for. Two stand behind this: basic mode (rules) and the on-device model. */
export interface Chooser {
  readonly mode: 'basic' | 'model';
  choose(request: ChooseRequest): Promise<Choice>;
}
