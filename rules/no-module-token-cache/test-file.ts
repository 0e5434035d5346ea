import { AST_NODE_TYPES, type TSESLint } from '@typescript-eslint/utils';
import { staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import { SDK_TEST_DOUBLES, TEST_FILE_NAME } from '../../src/knowledge/index.js';

const MOCK_OBJECTS: ReadonlySet<string> = new Set(SDK_TEST_DOUBLES.mockObjects);
const MOCK_METHODS: ReadonlySet<string> = new Set(SDK_TEST_DOUBLES.mockMethods);

/**
 * Test files stay silent: their SDK and HTTP calls are mocked, and a test run does not outlive a token. A file is
 * a test file by its name (`*.test.*`, `*.spec.*`, `__tests__/`, `__mocks__/`, `__fixtures__/`), or when it
 * mocks any module at top level (`vi.mock('axios')`, `jest.mock(...)`) or imports an SDK mock library.
 */
export function isTestFile(
  filename: string,
  sourceCode: Readonly<TSESLint.SourceCode>,
  specifiers: ReadonlySet<string>,
): boolean {
  if (TEST_FILE_NAME.test(filename)) return true;
  const libraries: readonly string[] = SDK_TEST_DOUBLES.mockLibraries;
  for (const specifier of specifiers) if (libraries.includes(specifier)) return true;
  return sourceCode.ast.body.some((statement) => {
    if (
      statement.type !== AST_NODE_TYPES.ExpressionStatement ||
      statement.expression.type !== AST_NODE_TYPES.CallExpression
    )
      return false;
    const callee = unwrap(statement.expression.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const object = unwrap(callee.object);
    return (
      object.type === AST_NODE_TYPES.Identifier &&
      MOCK_OBJECTS.has(object.name) &&
      MOCK_METHODS.has(staticPropertyName(callee) ?? '')
    );
  });
}
