/**
 * What an imported operation does to the world. By default its method says (GET/HEAD/OPTIONS/TRACE read;
 * PUT/DELETE are idempotent writes; POST/PATCH writes), and the document may say otherwise per operation:
 * `x-sous-effect: read | write` and `x-sous-idempotent: true | false` (a search sent as a POST reads; a GET
 * that logs out writes). A value of another kind is ignored, with a warning in the import's preview.
 */
import { methodEffect, type MethodEffect } from '../method-effect';

export const EFFECT_KEY = 'x-sous-effect';
export const IDEMPOTENT_KEY = 'x-sous-idempotent';

export interface OperationEffect extends MethodEffect {
  /** Plain-word notes on extension values that were not understood. */
  warnings: string[];
}

export function operationEffect(method: string, operation: Record<string, unknown>, where: string): OperationEffect {
  const byMethod = methodEffect(method);
  const warnings: string[] = [];
  const said = operation[EFFECT_KEY];
  let effect = byMethod.effect;
  let overridden = false;
  if (said === 'read' || said === 'write') {
    effect = said;
    overridden = said !== byMethod.effect;
  } else if (said !== undefined) {
    warnings.push(`${where}: ${EFFECT_KEY} must be "read" or "write", not ${JSON.stringify(said)}; its method decides (${byMethod.effect})`);
  }
  // A declared effect that differs from the method's brings its own default: reads are harmless to repeat,
  // a write declared on a safe method is not assumed to be.
  let idempotent = overridden ? effect === 'read' : byMethod.idempotent;
  const again = operation[IDEMPOTENT_KEY];
  if (typeof again === 'boolean') idempotent = again;
  else if (again !== undefined) warnings.push(`${where}: ${IDEMPOTENT_KEY} must be true or false, not ${JSON.stringify(again)}`);
  return { effect, idempotent, warnings };
}
