/**
 * The shape of `precache-plan.json`, written by the build (scripts/vite-offline-files.ts) and read by the
 * service worker and the "Make available offline" panel. Apart from precache-plan.ts so the service worker,
 * which checks the file by hand, does not carry zod.
 */
import { z } from 'zod';

export const PlanFileSchema = z.object({
  /** The path the browser asks for, from the site's root: `/_app/immutable/…`, `/vendor/ocr/…`. */
  path: z.string().startsWith('/'),
  bytes: z.number().int().nonnegative(),
  /** A short hash of the content; files whose names carry no hash are cached under it. */
  hash: z.string().min(1)
});
export type PlanFile = z.infer<typeof PlanFileSchema>;

export const PrecachePlanSchema = z.object({
  shell: z.array(PlanFileSchema),
  lazy: z.array(PlanFileSchema)
});
export type PrecachePlan = z.infer<typeof PrecachePlanSchema>;
