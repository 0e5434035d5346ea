/**
 * A knowledge list whose ids stay literal types while every entry reads as a `T`: `entriesOf<Presigner>()([...])`.
 * Comparing an entry's id with a misspelt one (`p.id === 'aws-v3:getSignedUrll'`) is a type error, and so is a field
 * the interface does not have, as with `satisfies`. Unlike `as const satisfies readonly T[]`, the entries do not become
 * a union of object types, so an optional field of `T` can be read on any of them. (Two calls: TypeScript cannot infer
 * `Id` while `T` is given.)
 */
export function entriesOf<T extends { readonly id: string }>() {
  return <const Id extends string>(list: readonly (T & { readonly id: Id })[]): readonly (T & { readonly id: Id })[] =>
    list;
}
