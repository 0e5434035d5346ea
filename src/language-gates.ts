import { mayTrigger, type TriggerFamily } from './analysis/text-gate.js';
import { fileTypesOf, type FileType } from './configs.js';
import type { CredentialExpiryDocs } from './util/create-rule.js';
import { dotenv } from './languages/dotenv/index.js';
import { yaml } from './languages/yaml/index.js';

type Rules = Readonly<Record<string, { meta?: { docs?: unknown; languages?: readonly string[] } }>>;

/**
 * The .env and YAML languages skip the parse of a file whose text holds none of the text-gate triggers of the rules
 * that check that file type (the union of their `meta.docs.triggers`; which rules check a type comes from their `meta.languages`); a rule without triggers keeps every file
 * parsed. Dockerfiles are always parsed (src/languages/dockerfile/language.ts), and JSON too: other plugins' JSON
 * rules run on this plugin's JSON language (src/languages/json/index.ts) and need its real AST.
 */
export function skipParsesWithoutTriggers(rules: Rules): void {
  for (const [type, language] of [
    ['dotenv', dotenv],
    ['yaml', yaml],
  ] as const) {
    const families = triggersOf(rules, type);
    if (families) language.skipParseUnless((text) => mayTrigger({ text }, families));
  }
}

/** The union of the triggers of the rules checking `type`; undefined when one of them has none (never skipped). */
function triggersOf(rules: Rules, type: FileType): TriggerFamily[] | undefined {
  const families = new Set<TriggerFamily>();
  for (const rule of Object.values(rules)) {
    if (!fileTypesOf(rule.meta?.languages).includes(type)) continue;
    const docs = (rule.meta?.docs ?? {}) as CredentialExpiryDocs;
    if (!docs.triggers?.length) return undefined;
    for (const family of docs.triggers) families.add(family);
  }
  return [...families];
}
