/**
 * What the copilot answers for a request in words, in either mode (templates or the model): a recipe
 * to preview, and what it assumed, so a person can check before applying it.
 */
import { z } from 'zod';
import { RecipeSchema } from '../../recipe';

export const DraftResultSchema = z.object({
  mode: z.enum(['basic', 'model']),
  recipe: RecipeSchema,
  /** Plain sentences: "I assumed the vendor list is in the workshop ERP". */
  assumptions: z.array(z.string()),
  /** Model mode: how many repair rounds it took (0 when the first answer was valid). */
  repairs: z.number().int().min(0).default(0),
  /**
   * How sure the draft is, 0 to 1, overall (the least sure part) and per step id. Basic mode: about 0.9 for
   * what a rule read, lower for a step found only by searching the catalogue, 0.5 or less for a guess (a
   * condition whose subject is not known, a clause nothing matched). Absent where the mode does not say.
   */
  confidence: z.number().min(0).max(1).optional(),
  stepConfidence: z.record(z.string(), z.number().min(0).max(1)).optional(),
  /** The one thing to ask the person, in their language, when a part is unsure; absent when none is. */
  question: z.string().optional()
});
export type DraftResult = z.infer<typeof DraftResultSchema>;

/** The connectors and actions a draft may use: ids, labels, and each action's input field names. */
export const CatalogEntrySchema = z.object({
  connector: z.string(),
  label: z.string(),
  actions: z.array(z.object({ name: z.string(), label: z.string(), inputs: z.array(z.string()) })),
  events: z.array(z.string()).default([])
});
export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;
