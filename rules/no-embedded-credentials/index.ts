import { checkDockerfile } from './dockerfile/index.js';
import { checkDotenv } from './dotenv.js';
import { checkJs } from './js.js';
import { checkJson } from './json.js';
import { checkJsonc } from './jsonc-ast.js';
import { EMBEDDED_MESSAGES, type EmbeddedMessageId, KEPT_IN_TEST_CODE, MANUAL_REASONS } from './messages.js';
import { checkYaml } from './yaml.js';
import { skipsTestCode } from '../../src/analysis/test-code.js';
import { LANGUAGE_IDS } from '../../src/languages/ids.js';
import { createRule } from '../../src/util/create-rule.js';

/** Which checker a file needs, from the root of the AST its language produced. */
function checkerFor(root: { type: string }, parserServices: { isYAML?: boolean; isJSON?: boolean } | undefined) {
  switch (root.type) {
    case 'Dockerfile':
      return checkDockerfile;
    case 'Dotenv':
      return checkDotenv;
    case 'Document':
      return checkJson;
    case 'YAMLProgram':
      return checkYaml;
    case 'Program':
      if (parserServices?.isYAML) return checkYaml;
      return parserServices?.isJSON ? checkJsonc : checkJs;
    default:
      return undefined;
  }
}

export default createRule<[], EmbeddedMessageId>({
  name: 'no-embedded-credentials',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow credentials written into code, Dockerfiles, .env, JSON and YAML, credentials fetched at image build time, and key files copied into images',
      triggers: ['secrets', 'credential-files'],
      recommended: 'error',
      manualReasons: MANUAL_REASONS,
    },
    languages: [
      LANGUAGE_IDS.js,
      LANGUAGE_IDS.dockerfile,
      LANGUAGE_IDS.dotenv,
      ...LANGUAGE_IDS.json,
      ...LANGUAGE_IDS.yaml,
    ],
    hasSuggestions: true,
    messages: EMBEDDED_MESSAGES,
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const sourceCode = context.sourceCode as unknown as {
      ast: { type: string };
      parserServices?: { isYAML?: boolean; isJSON?: boolean };
    };
    const checker = checkerFor(sourceCode.ast, sourceCode.parserServices);
    if (!checker) return {};
    // Test code keeps only the findings KEPT_IN_TEST_CODE names (the checkers stay unaware of the policy).
    const skipsTests = skipsTestCode(context);
    return checker(context, (problem) => {
      if (skipsTests && !KEPT_IN_TEST_CODE.has(problem.messageId)) return;
      context.report({ ...problem, suggest: problem.suggest });
    }) as ReturnType<typeof checkJs>;
  },
});
