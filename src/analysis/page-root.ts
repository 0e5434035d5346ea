import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { PAGE_ROOT_RENDERS } from '../knowledge/index.js';
import { calleeName } from './ast.js';
import { importsAnyOf } from './receiver.js';
import { moduleSpecifiers } from './module-refs.js';

type SourceCode = Readonly<TSESLint.SourceCode>;
type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

const RENDER_CALLS: ReadonlySet<string> = new Set(PAGE_ROOT_RENDERS.calls);

/**
 * True when a top-level statement of a file importing react-dom mounts the class as the page's root
 * (`ReactDOM.render(<App />, el)`, `createRoot(el).render(<App />)`): its one instance lives as long as the page.
 */
export function isPageRootComponent(classNode: ClassNode, sourceCode: SourceCode): boolean {
  const name = classNode.id?.name;
  if (!name || !importsAnyOf(moduleSpecifiers(sourceCode), PAGE_ROOT_RENDERS.modules)) return false;
  return sourceCode.ast.body.some((statement) => {
    const call = statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : null;
    return (
      call?.type === AST_NODE_TYPES.CallExpression &&
      RENDER_CALLS.has(calleeName(call) ?? '') &&
      call.arguments.some(
        (argument) =>
          argument.type === AST_NODE_TYPES.JSXElement &&
          argument.openingElement.name.type === AST_NODE_TYPES.JSXIdentifier &&
          argument.openingElement.name.name === name,
      )
    );
  });
}
