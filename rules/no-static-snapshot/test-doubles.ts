import { AST_NODE_TYPES, type TSESLint } from '@typescript-eslint/utils';
import { staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { isKnowledgeModule, SDK_TEST_DOUBLES } from '../../src/knowledge/index.js';

const OBJECTS: ReadonlySet<string> = new Set(SDK_TEST_DOUBLES.mockObjects);
const METHODS: ReadonlySet<string> = new Set(SDK_TEST_DOUBLES.mockMethods);

/** True for a test file that replaces the SDK: it imports a mocking library, or mocks a known module at top level. */
export function mocksTheSdk(sourceCode: Readonly<TSESLint.SourceCode>, imports: ReadonlySet<string>): boolean {
  if (SDK_TEST_DOUBLES.mockLibraries.some((library) => imports.has(library))) return true;
  for (const statement of sourceCode.ast.body) {
    if (
      statement.type !== AST_NODE_TYPES.ExpressionStatement ||
      statement.expression.type !== AST_NODE_TYPES.CallExpression
    )
      continue;
    const call = statement.expression;
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !METHODS.has(staticPropertyName(callee) ?? '')) continue;
    const object = unwrap(callee.object);
    const [first] = call.arguments;
    if (
      object.type === AST_NODE_TYPES.Identifier &&
      OBJECTS.has(object.name) &&
      first?.type === AST_NODE_TYPES.Literal &&
      typeof first.value === 'string' &&
      isKnowledgeModule(first.value)
    ) {
      return true;
    }
  }
  return false;
}
