/** The `ai` connector's input and output shapes (names agreed in names.md). */
import { z } from 'zod';
import { ExtractResultSchema, FieldListSchema } from '../../ai/extract/fields';

/**
 * A document as text, or as a file already read to text (by read-document: a PDF's text layer or OCR):
 * a `document` trigger's output or a `mail.received` attachment fits as it is (their other keys are dropped).
 */
export const DocumentInputSchema = z.union([
  z.string(),
  z.object({
    name: z.string().optional(),
    type: z.string().optional(),
    text: z.string(),
    reader: z.enum(['text', 'pdf', 'ocr']).optional(),
    pages: z.number().int().min(1).optional(),
    /** Why the file's text could not be read, when it could not (then `text` is ""). */
    problem: z.string().optional()
  })
]);
export type DocumentInput = z.infer<typeof DocumentInputSchema>;

export const ModeSchema = z.enum(['basic', 'model']);

/** Said by every output: which mode made it, the model's id, and whether it was replayed from a record. */
const provenance = {
  mode: ModeSchema,
  model: z.string().optional(),
  replayed: z.boolean().optional()
};

export const ExtractInputSchema = z
  .object({
    document: DocumentInputSchema,
    fields: FieldListSchema.optional(),
    preset: z.enum(['invoice']).optional()
  })
  .refine((v) => v.fields !== undefined || v.preset !== undefined, {
    message: 'say which fields to extract: give "fields" or "preset": "invoice"',
    path: ['fields']
  });
export const ExtractOutputSchema = ExtractResultSchema.extend({ model: provenance.model, replayed: provenance.replayed });

export const ClassifyInputSchema = z.object({
  text: z.string(),
  labels: z.array(z.string().min(1)).min(2, 'give at least two labels to choose from')
});
export const ClassifyOutputSchema = z.object({
  /** null when basic mode found no label's words in the text. */
  label: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  ...provenance
});

export const SummarizeInputSchema = z.object({
  text: z.string(),
  max_words: z.number().int().min(5).max(1000).optional()
});
export const SummarizeOutputSchema = z.object({ summary: z.string(), ...provenance });

export const GenerateInputSchema = z.object({ prompt: z.string().min(1) });
export const GenerateOutputSchema = z.object({ text: z.string(), ...provenance });

export type ExtractInput = z.infer<typeof ExtractInputSchema>;
export type ExtractOutput = z.infer<typeof ExtractOutputSchema>;
export type ClassifyInput = z.infer<typeof ClassifyInputSchema>;
export type ClassifyOutput = z.infer<typeof ClassifyOutputSchema>;
export type SummarizeInput = z.infer<typeof SummarizeInputSchema>;
export type SummarizeOutput = z.infer<typeof SummarizeOutputSchema>;
export type GenerateOutput = z.infer<typeof GenerateOutputSchema>;
