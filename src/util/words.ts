/**
 * `name` occurs in `text` as a whole identifier (not inside a longer one). A string search rather than a RegExp
 * built from the name, so a name is never read as regex syntax (`$` in `$client` is a JavaScript identifier
 * character but a regex anchor).
 */
export function containsIdentifier(text: string, name: string): boolean {
  if (name === '') return false;
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (!isIdentifierCharacter(text[at - 1]) && !isIdentifierCharacter(text[at + name.length])) return true;
  }
  return false;
}

/** How many times `name` occurs in `text` as a whole identifier (the same string search as `containsIdentifier`). */
export function identifierCount(text: string, name: string): number {
  if (name === '') return 0;
  let count = 0;
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (!isIdentifierCharacter(text[at - 1]) && !isIdentifierCharacter(text[at + name.length])) count++;
  }
  return count;
}

function isIdentifierCharacter(character: string | undefined): boolean {
  return character !== undefined && /[\p{ID_Continue}$\u200C\u200D]/u.test(character);
}

/** `base`, or `base2`, `base3`, ... : the first that `text` does not already use as an identifier. */
export function freshIdentifier(base: string, text: string): string {
  let name = base;
  for (let i = 2; containsIdentifier(text, name); i++) name = `${base}${i}`;
  return name;
}
