import type { AST } from 'yaml-eslint-parser';
import { assessValues, type ValueSite } from '../../src/analysis/credential-sites.js';
import { type EmbeddedContext, type ReportProblem, reportFindings } from './context.js';
import { nameValuePair, splitAssignment } from './name-value.js';

type Site = ValueSite<AST.YAMLScalar>;

function scalarString(node: AST.YAMLNode | null | undefined): AST.YAMLScalar | undefined {
  const inner = node?.type === 'YAMLWithMeta' ? node.value : node;
  return inner?.type === 'YAMLScalar' && typeof inner.value === 'string' ? inner : undefined;
}

function keyName(pair: AST.YAMLPair): string | null {
  const key = pair.key?.type === 'YAMLScalar' ? pair.key : undefined;
  return key && key.value !== null ? String(key.value) : null;
}

/** Base64 that decodes to printable text: the values under a Kubernetes Secret's `data:`. */
function decodeSecretData(text: string): string | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/u.test(text.trim())) return undefined;
  const decoded = Buffer.from(text.trim(), 'base64').toString('utf8');
  return /^[\x20-\x7e\r\n\t]+$/u.test(decoded) ? decoded : undefined;
}

function collectSites(node: AST.YAMLNode | null | undefined, sites: Site[], base64Values: boolean): void {
  const inner = node?.type === 'YAMLWithMeta' ? node.value : node;
  if (inner?.type === 'YAMLMapping') {
    const names = new Map(inner.pairs.map((pair) => [keyName(pair), pair] as const));
    const siblings = new Set([...names.keys()].filter((name): name is string => name !== null));
    const pair = nameValuePair(siblings, (name) => scalarString(names.get(name)?.value)?.value as string | undefined);
    const isSecretManifest = scalarString(names.get('kind')?.value)?.value === 'Secret';
    for (const entry of inner.pairs) {
      const name = pair && keyName(entry) === 'value' ? pair.name : keyName(entry);
      const scalar = scalarString(entry.value);
      if (!scalar) {
        collectSites(entry.value, sites, isSecretManifest && name === 'data');
        continue;
      }
      const value = base64Values ? decodeSecretData(scalar.value as string) : (scalar.value as string);
      if (value !== undefined) sites.push({ node: scalar, name, value, line: scalar.loc.start.line, siblings });
    }
  } else if (inner?.type === 'YAMLSequence') {
    for (const entry of inner.entries) {
      const scalar = scalarString(entry);
      if (!scalar) {
        collectSites(entry, sites, false);
        continue;
      }
      const assignment = splitAssignment(scalar.value as string);
      sites.push({
        node: scalar,
        name: assignment?.name ?? null,
        value: assignment?.value ?? (scalar.value as string),
        line: scalar.loc.start.line,
      });
    }
  }
}

/** no-embedded-credentials in YAML (k8s manifests, docker-compose, CI workflows), through yaml-eslint-parser. */
export function checkYaml(context: EmbeddedContext, report: ReportProblem) {
  // `YAMLProgram`: the root of this plugin's YAML language; `Program`: yaml-eslint-parser's root under other setups.
  const check = (program: AST.YAMLProgram): void => {
    const sites: Site[] = [];
    for (const document of program.body) {
      const root = scalarString(document.content);
      if (root) sites.push({ node: root, name: null, value: root.value as string, line: root.loc.start.line });
      else collectSites(document.content, sites, false);
    }
    reportFindings(report, assessValues(sites, { loneTemporaryKeyIds: true, bundledNames: true }));
  };
  return { Program: check, YAMLProgram: check };
}
