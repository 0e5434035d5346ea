import type { ESLint } from 'eslint';
import { NAMESPACE } from '../configs.js';
import plugin from '../index.js';
import type { CredentialExpiryDocs, ProjectTransform } from '../util/create-rule.js';
import type { Finding } from './types.js';

/** `rule\0messageId` of every finding a transform acts on, as the rules declare in `meta.docs.codemodTriggers`. */
function triggerKeys(rules: ESLint.Plugin['rules'], transform: ProjectTransform): ReadonlySet<string> {
  const keys = new Set<string>();
  for (const [id, rule] of Object.entries(rules ?? {})) {
    const docs = rule.meta?.docs as CredentialExpiryDocs | undefined;
    for (const messageId of docs?.codemodTriggers?.[transform] ?? []) keys.add(`${NAMESPACE}/${id}\0${messageId}`);
  }
  return keys;
}

const KEYS = new Map<ProjectTransform, ReadonlySet<string>>();

/** Whether `transform` acts on this finding (this package's rules say which of their findings it takes). */
export function triggers(transform: ProjectTransform, finding: Pick<Finding, 'rule' | 'messageId'>): boolean {
  let keys = KEYS.get(transform);
  if (!keys) KEYS.set(transform, (keys = triggerKeys(plugin.rules, transform)));
  return finding.messageId !== undefined && keys.has(`${finding.rule}\0${finding.messageId}`);
}
