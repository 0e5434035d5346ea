import type { TSESLint } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { staticPropertyName, unwrap } from './ast.js';
import { SDK_TEST_DOUBLES } from '../knowledge/index.js';

const OBJECTS: ReadonlySet<string> = new Set(SDK_TEST_DOUBLES.mockObjects);
const METHODS: ReadonlySet<string> = new Set(SDK_TEST_DOUBLES.mockMethods);

/**
 * The file replaces modules with fakes, whatever the test-code setting says: it imports an SDK mocking library, or
 * mocks at top level a module that `mocked` accepts (`vi.mock('axios')`, `jest.mock('@aws-sdk/client-sts')`). What
 * it calls then returns fakes that expire at nothing.
 */
export function mocksModules(
  sourceCode: Readonly<TSESLint.SourceCode>,
  imports: ReadonlySet<string>,
  mocked: (specifier: string) => boolean,
): boolean {
  if (SDK_TEST_DOUBLES.mockLibraries.some((library) => imports.has(library))) return true;
  return sourceCode.ast.body.some((statement) => {
    if (
      statement.type !== AST_NODE_TYPES.ExpressionStatement ||
      statement.expression.type !== AST_NODE_TYPES.CallExpression
    )
      return false;
    const call = statement.expression;
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !METHODS.has(staticPropertyName(callee) ?? '')) return false;
    const object = unwrap(callee.object);
    const [first] = call.arguments;
    return (
      object.type === AST_NODE_TYPES.Identifier &&
      OBJECTS.has(object.name) &&
      first?.type === AST_NODE_TYPES.Literal &&
      typeof first.value === 'string' &&
      mocked(first.value)
    );
  });
}
