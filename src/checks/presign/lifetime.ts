import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { findProperty } from '../../analysis/ast.js';
import { type NumberSource, staticNumberSource, staticObjectSource, staticString, staticTime } from '../../analysis/static-value.js';
import type { Presigner } from '../../knowledge/index.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Epoch milliseconds below this (September 2001) are durations written where a time belongs (googleapis/nodejs-storage: src/signer.ts reads `expires` as a time). */
const EPOCH_MS_FLOOR = 1e12;

/** The lifetime a call asks for, known statically. */
export type Requested =
  | {
      readonly kind: 'duration';
      readonly seconds: number;
      /** The expression that writes the number, and its unit (1: seconds; 1000: milliseconds after `Date.now() +`). */
      readonly source: NumberSource;
      readonly scale: 1 | 1000;
      /** The lifetime as written in the call (`expiresIn: ttl` → `ttl`). */
      readonly valueNode: TSESTree.Node;
    }
  | {
      /** An absolute-time option given a small number (`expires: 3600`): 1970, so the call throws. */
      readonly kind: 'time-as-duration';
      readonly source: NumberSource;
      readonly valueNode: TSESTree.Node;
    };

/** The lifetime option as written in the call, or null when it is absent (the default) or hidden behind a spread. */
export function lifetimeNode(call: TSESTree.CallExpression, presigner: Presigner, context: Context): TSESTree.Node | null {
  const { argument: index, property } = presigner.expiry;
  if (call.arguments.slice(0, index + 1).some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return null;
  const argument = call.arguments[index];
  if (!argument || property === undefined) return argument ?? null;
  const options = staticObjectSource(argument, context);
  return (options && findProperty(options, property)?.value) ?? null;
}

export function requestedLifetime(call: TSESTree.CallExpression, presigner: Presigner, context: Context): Requested | null {
  const valueNode = lifetimeNode(call, presigner, context);
  if (!valueNode) return null;
  if (presigner.expiry.unit === 'seconds') {
    const source = staticNumberSource(valueNode, context);
    return source ? { kind: 'duration', seconds: source.value, source, scale: 1, valueNode } : null;
  }
  const time = staticTime(valueNode, context);
  if (!time) return null;
  if (time.kind === 'epoch') {
    return time.source.value >= 0 && time.source.value < EPOCH_MS_FLOOR ? { kind: 'time-as-duration', source: time.source, valueNode } : null;
  }
  return time.source ? { kind: 'duration', seconds: time.offsetMs / 1000, source: time.source, scale: 1000, valueNode } : null;
}

/** The service maximum that applies to this call, if any (GCS: only V4 URLs are capped; an unknown version is not). */
export function applicableMaximum(call: TSESTree.CallExpression, presigner: Presigner, context: Context): number | undefined {
  const { maxSeconds } = presigner.expiry;
  const version = presigner.versionOption;
  if (maxSeconds === undefined || !version) return maxSeconds;
  const argument = call.arguments[presigner.expiry.argument];
  const options = argument && staticObjectSource(argument, context);
  if (!options) return undefined;
  const property = findProperty(options, version.property);
  const value = property ? staticString(property.value, context) : version.defaultVersion;
  return value === version.capped ? maxSeconds : undefined;
}
