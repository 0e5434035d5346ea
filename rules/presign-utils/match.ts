import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { calleeName, unwrap } from '../../src/analysis/ast.js';
import { importsAnyOf, madeFromAny } from '../../src/analysis/receiver.js';
import type { ModuleRefs } from '../../src/analysis/module-refs.js';
import { findByApi, moduleMatches, PRESIGN_MODULES, PRESIGNERS, type Presigner } from '../../src/knowledge/index.js';

export function isPresignModule(specifier: string): boolean {
  return PRESIGN_MODULES.some((pattern) => moduleMatches(pattern, specifier));
}

/**
 * The presigner a call invokes: a free function resolved through imports (`getSignedUrl(client, cmd, opts)`), a
 * method on a receiver made from a known class (`new AWS.S3().getSignedUrl`), or, for receivers we cannot trace
 * (`storage.bucket(b).file(k).getSignedUrl`), a method of that name in a file that imports the presigner's module.
 */
export function presignerOf(
  call: TSESTree.CallExpression,
  refs: ModuleRefs,
  imported: ReadonlySet<string>,
): Presigner | undefined {
  const known = ANSWERS.get(call);
  if (known?.refs === refs && known.imported === imported) return known.presigner;
  const presigner = findPresigner(call, refs, imported);
  ANSWERS.set(call, { refs, imported, presigner });
  return presigner;
}

/**
 * Per call, with the file's refs and imports it was answered for (the same objects for every rule: ModuleRefs.for and
 * moduleSpecifiers are memoised per SourceCode): both presign rules ask it of every call of a file, and
 * no-module-token-cache of the presigned values it follows.
 */
const ANSWERS = new WeakMap<
  TSESTree.CallExpression,
  { refs: ModuleRefs; imported: ReadonlySet<string>; presigner: Presigner | undefined }
>();

function findPresigner(
  call: TSESTree.CallExpression,
  refs: ModuleRefs,
  imported: ReadonlySet<string>,
): Presigner | undefined {
  const byApi = findByApi(PRESIGNERS, refs.resolve(call.callee));
  if (byApi) return byApi;
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = calleeName(call);
  const candidates = PRESIGNERS.filter((p) => p.method !== undefined && p.method === name && fitsArguments(call, p));
  if (candidates.length === 0) return undefined;
  const byReceiver = candidates.find((p) => p.receivers && madeFromAny(callee.object, p.receivers, refs) === true);
  return byReceiver ?? candidates.find((p) => p.gateModules && importsAnyOf(imported, p.gateModules));
}

/**
 * Tells apart presigners that share a method name (v2 `s3.getSignedUrl('getObject', params)` and GCS
 * `file.getSignedUrl(config)`): the lifetime argument, when passed, is an object or value, never a callback or an
 * operation name.
 */
function fitsArguments(call: TSESTree.CallExpression, presigner: Presigner): boolean {
  const argument = call.arguments[presigner.expiry.argument];
  if (!argument) return true;
  const inner = unwrap(argument);
  if (inner.type === AST_NODE_TYPES.ArrowFunctionExpression || inner.type === AST_NODE_TYPES.FunctionExpression)
    return false;
  return !(
    inner.type === AST_NODE_TYPES.Literal &&
    typeof inner.value === 'string' &&
    presigner.expiry.property !== undefined
  );
}
