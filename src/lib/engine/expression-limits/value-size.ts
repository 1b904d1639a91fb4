/**
 * Sizes of values an expression made, counted with a budget so that a value with shared parts (a
 * doubling `{"l": $a, "r": $a}` nested thirty times holds a billion leaves in a few bytes) is refused
 * after a bounded walk instead of being expanded by copying or JSON.
 */
import { EXPRESSION_LIMITS, valueTooLarge } from './limits';

/** What is left of a walk's allowance; `spend` throws once it is gone. */
export class SizeBudget {
  private left: number;
  constructor(limit = EXPRESSION_LIMITS.maxValue) {
    this.left = limit;
  }
  spend(value: unknown, keyLength = 0): void {
    this.left -= (typeof value === 'string' ? value.length : 16) + keyLength;
    if (this.left < 0) throw valueTooLarge();
  }
}

/**
 * A lower bound on the length of a value's JSON text, walking no further than `limit` characters' worth
 * (so the walk itself is bounded): the answer is over `limit` exactly when the text would be. With
 * `indent`, each part also counts the indentation JSON.stringify gives it, which grows with depth.
 */
export function textSizeAtLeast(value: unknown, limit: number, indent = 0): number {
  let size = 0;
  const stack: unknown[] = [value];
  const depths: number[] = [0];
  while (stack.length > 0 && size <= limit) {
    const v = stack.pop();
    const depth = depths.pop()!;
    size += indent * depth;
    if (typeof v === 'string') size += v.length + 2;
    else if (Array.isArray(v)) {
      size += v.length + 1;
      for (let i = v.length - 1; i >= 0; i--) {
        stack.push(v[i]);
        depths.push(depth + 1);
      }
    } else if (v !== null && typeof v === 'object') {
      for (const [key, item] of Object.entries(v)) {
        size += key.length + 4;
        stack.push(item);
        depths.push(depth + 1);
        if (size > limit) break;
      }
    } else size += 1;
  }
  return size;
}
