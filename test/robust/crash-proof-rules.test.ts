import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/index.js';
import { createRule } from '../../src/util/create-rule.js';

const SECRET_LIKE = 'AKIAQWERTYUIOPASDFGH';

/** A rule that throws where the test says, with the offending source text in the exception. */
function throwingRule(where: 'create' | 'listener' | 'exit' | 'never') {
  return createRule<[], 'seen'>({
    name: 'throws',
    meta: { type: 'problem', docs: { description: 'test rule' }, messages: { seen: 'saw an identifier' }, schema: [] },
    defaultOptions: [],
    create(context) {
      if (where === 'create') throw new Error(`create failed on ${context.sourceCode.text}`);
      return {
        Identifier(node) {
          if (where === 'listener' && node.name === 'boom')
            throw new TypeError(`cannot read ${context.sourceCode.getText(node)} ${SECRET_LIKE}`);
          context.report({ node, messageId: 'seen' });
        },
        'Program:exit'() {
          if (where === 'exit') throw new RangeError('Maximum call stack size exceeded');
        },
      };
    },
  });
}

function lint(where: Parameters<typeof throwingRule>[0], code: string, filename = 'file.js'): Linter.LintMessage[] {
  const test = { rules: { throws: throwingRule(where) } } as never;
  return new Linter().verify(
    code,
    [{ files: ['**/*.js'], plugins: { test }, rules: { 'test/throws': 'error' } }, ...plugin.configs.strict],
    filename,
  );
}

const INTERNAL = 'credential-expiry: internal error in credential-expiry/throws on this file; please report';

describe('the rule creator turns an exception into one report for the file', () => {
  it.each(['create', 'listener', 'exit'] as const)(
    'thrown in %s: one internal-error message, ESLint goes on',
    (where) => {
      const code = `import { getSignedUrl } from '@aws-sdk/s3-request-presigner';\nconst boom = 2;\ngetSignedUrl(s3, cmd, { expiresIn: 8 * 86400 });`;
      const messages = lint(where, code);
      const internal = messages.filter((m) => m.message.includes('internal error'));
      expect(internal.map((m) => [m.ruleId, m.message, m.line])).toEqual([['test/throws', INTERNAL, 1]]);
      // The plugin's own rules still run on the same file.
      expect(messages.some((m) => m.ruleId === 'credential-expiry/presign-max-lifetime')).toBe(true);
      // No source text from the exception.
      for (const m of internal) expect(m.message).not.toMatch(/boom|QWERTY|const|Maximum/u);
    },
  );

  it('reports made before the exception stay, and the rule stops on that file only', () => {
    const messages = lint('listener', 'const a = 1; const boom = 2; const later = 3;').filter(
      (m) => m.ruleId === 'test/throws',
    );
    // The internal error sits at the file's start, the finding at `a`: one of each.
    expect(messages.map((m) => m.message).sort()).toEqual([INTERNAL, 'saw an identifier']);
    expect(lint('listener', 'const a = 1; const b = 2;').filter((m) => m.ruleId === 'test/throws')).toHaveLength(2);
  });

  it('a rule that does not throw reports as usual and gets no internal error', () => {
    const messages = lint('never', 'const boom = 1;');
    expect(messages.map((m) => m.message)).toEqual(['saw an identifier']);
  });
});

describe('configuration errors are not internal errors', () => {
  it('a bad setting still stops the run with its own message', () => {
    const config = [
      {
        ...plugin.configs.strict.find((block) => block.name?.endsWith('/js')),
        settings: { 'credential-expiry': { platform: 'mainframe' } },
      },
    ];
    expect(() => new Linter().verify('const a = 1;', config, 'file.js')).toThrow(/platform must be one of/u);
  });
});
