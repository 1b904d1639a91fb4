/**
 * A catalogue's shape: the English one is the source, and every other language must have exactly its keys
 * (TypeScript refuses a missing or an extra one), with any wording.
 */
export type Messages<T> = { readonly [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

/** A plural form's key without its suffix: `files_one` and `files_other` are both asked for as `files`. */
type Plain<K extends string> = K extends `${infer Base}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? Base : K;

/** `a.b.c` for every leaf of a catalogue: the keys `t()` accepts within one namespace. */
export type LeafKeys<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${Plain<K>}` : LeafKeys<T[K], `${P}${K}.`>;
}[keyof T & string];
