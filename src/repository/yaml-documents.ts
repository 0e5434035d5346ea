import type * as Yaml from 'yaml';
import type { CollectionTag, ScalarTag, YAMLMap, YAMLSeq } from 'yaml';
import { lazyModule } from '../util/lazy-module.js';
import { debug } from './debug.js';

const yaml = lazyModule<typeof Yaml>('yaml');

/** CloudFormation's short-form intrinsic functions (`!Ref X`, `!GetAtt X.Arn`, `!Sub '...'`). */
const INTRINSICS = [
  'Ref',
  'GetAtt',
  'Sub',
  'Join',
  'Select',
  'Split',
  'If',
  'Equals',
  'And',
  'Or',
  'Not',
  'FindInMap',
  'ImportValue',
  'Base64',
  'Cidr',
  'GetAZs',
  'Condition',
  'Transform',
  'ToJsonString',
  'Length',
] as const;

const longForm = (name: string) => (name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`);

/** Each short form read as its long form (`!GetAtt X.Arn` → `{ 'Fn::GetAtt': 'X.Arn' }`), in scalar, list and map shape. */
const CLOUDFORMATION_TAGS: (ScalarTag | CollectionTag)[] = INTRINSICS.flatMap((name) => [
  {
    tag: `!${name}`,
    identify: () => false,
    resolve: (value: string) => ({ [longForm(name)]: value }),
  } satisfies ScalarTag,
  ...(['seq', 'map'] as const).map((collection): CollectionTag => ({
    tag: `!${name}`,
    collection,
    identify: () => false,
    resolve: (value: YAMLMap.Parsed | YAMLSeq.Parsed) => ({ [longForm(name)]: value.toJSON() as unknown }),
  })),
]);

/** One YAML (or JSON) document: its plain value and the line where each path starts. */
export interface YamlDocument {
  readonly value: unknown;
  /** 1-based line of the node at `path` (keys and list indices), or of the document when absent. */
  lineOf(path: readonly (string | number)[]): number;
}

/** All documents of a YAML or JSON file, or null (with a debug reason) when it does not parse. */
export function parseYamlDocuments(text: string, file: string): YamlDocument[] | null {
  const lineCounter = new (yaml().LineCounter)();
  let documents;
  try {
    documents = yaml().parseAllDocuments(text, {
      customTags: CLOUDFORMATION_TAGS,
      lineCounter,
      uniqueKeys: false,
      prettyErrors: false,
    });
  } catch (error) {
    debug('%s: not parsed as YAML (%s)', file, (error as Error).message);
    return null;
  }
  if (!Array.isArray(documents)) return null;
  const parsed: YamlDocument[] = [];
  for (const document of documents) {
    if (document.errors.length > 0) {
      debug('%s: not parsed as YAML (%s)', file, document.errors[0].message.split('\n')[0]);
      return null;
    }
    const line = (offset: number) => lineCounter.linePos(offset).line;
    parsed.push({
      value: document.toJS({ maxAliasCount: 100 }),
      lineOf(path) {
        const node = document.getIn(path, true);
        if (yaml().isNode(node) && node.range) return line(node.range[0]);
        return line(document.range[0]);
      },
    });
  }
  return parsed;
}

export type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
