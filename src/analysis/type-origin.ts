import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ModuleRef } from '../knowledge/index.js';

const PACKAGE_IN_PATH = /[/\\]node_modules[/\\]((?:@[^/\\]+[/\\])?[^/\\]+)[/\\]/g;

/**
 * With `parserServices.program` only: the package and name of the type the checker sees for an expression
 * (`deps.s3` typed `S3Client` → { module: '@aws-sdk/client-s3', path: ['S3Client'] }), so values whose type is
 * known but whose construction is out of sight can be matched against the knowledge base. A type declared in
 * the project itself gets its file name as the module (it matches no package). Null without types, or for
 * types without a declaration (`any`, primitives).
 */
export function typeOrigin(node: TSESTree.Node, sourceCode: Readonly<TSESLint.SourceCode>): ModuleRef | null {
  const services = sourceCode.parserServices;
  if (!services?.program || !services.esTreeNodeToTSNodeMap) return null;
  const tsNode = services.esTreeNodeToTSNodeMap.get(node as never);
  if (!tsNode) return null;
  const type = services.program.getTypeChecker().getTypeAtLocation(tsNode);
  const symbol = type.aliasSymbol ?? type.getSymbol();
  const declaration = symbol?.declarations?.[0];
  if (!symbol || !declaration) return null;
  const fileName = declaration.getSourceFile().fileName;
  const last = [...fileName.matchAll(PACKAGE_IN_PATH)].at(-1);
  return { module: last ? last[1].replaceAll('\\', '/') : fileName, path: [symbol.getName()] };
}
