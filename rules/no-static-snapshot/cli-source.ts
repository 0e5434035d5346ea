import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import { calleeName, isFunctionNode, staticPropertyName, unwrap } from '../../src/analysis/ast.js';
import {
  CHILD_PROCESS_RUNNERS,
  CLI_CREDENTIAL_COMMANDS,
  type CliCredentialCommand,
} from '../../src/knowledge/index.js';
import type { Node, SnapshotContext } from './context.js';

const COMMAND_LINE: ReadonlySet<string> = new Set(CHILD_PROCESS_RUNNERS.commandLine);
const PROGRAM_AND_ARGUMENTS: ReadonlySet<string> = new Set(CHILD_PROCESS_RUNNERS.programAndArguments);
const TEXT_METHODS: ReadonlySet<string> = new Set(CHILD_PROCESS_RUNNERS.textMethods);
const RUNNER_MODULES: readonly string[] = CHILD_PROCESS_RUNNERS.runnerModules;
const PROMISIFIERS: ReadonlySet<string> = new Set(CHILD_PROCESS_RUNNERS.promisifiers);
/** The callback runners, whose promisified forms resolve to `{ stdout, stderr }`. */
const PROMISED: ReadonlySet<string> = new Set(['exec', 'execFile']);

/** A child_process call that runs a cloud CLI command printing credentials or a token, and where its output starts. */
export interface CliRun {
  readonly command: CliCredentialCommand;
  /** The output: the call (or `.stdout` of its result, or `.toString().trim()` of it), or the callback's parameter. */
  readonly output: Node;
}

/**
 * `execSync('aws sts assume-role ...')`, `execFileSync('aws', ['configure', 'export-credentials', ...])`,
 * `spawnSync('gcloud', ['auth', 'print-access-token']).stdout`, `exec('az account get-access-token', (err, out) => ...)`
 * with the runner imported from child_process. The command's words must be literal text.
 */
export function cliRunOf(call: TSESTree.CallExpression, ctx: SnapshotContext): CliRun | null {
  const promised = promisifiedRunner(call, ctx);
  const runner = promised ?? childProcessRunner(call, ctx);
  if (runner === null) return null;
  const words = COMMAND_LINE.has(runner) ? commandLineWords(call.arguments[0]) : programWords(call);
  const command = words ? CLI_CREDENTIAL_COMMANDS.find((c) => runs(words, c)) : undefined;
  if (!command) return null;
  if (promised) {
    const output = promisedOutput(call);
    return output ? { command, output } : null;
  }
  const callback = call.arguments.find((a) => isFunctionNode(a)) as TSESTree.FunctionLike | undefined;
  if (callback) return callback.params[1] ? { command, output: callback.params[1] } : null;
  const field = CHILD_PROCESS_RUNNERS.outputField[runner];
  let output: Node = call;
  if (field) {
    const member = output.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(member) !== field) return null;
    output = member;
  }
  return { command, output: throughTextMethods(output) };
}

/** The child_process runner a call makes (`execSync(...)`, `cp.execFileSync(...)`), by its import. */
function childProcessRunner(call: TSESTree.CallExpression, ctx: SnapshotContext): string | null {
  const runner = calleeName(call);
  if (runner === null || (!COMMAND_LINE.has(runner) && !PROGRAM_AND_ARGUMENTS.has(runner))) return null;
  const ref = ctx.refs.resolve(call.callee);
  return ref && RUNNER_MODULES.includes(ref.module) && ref.path.at(-1) === runner ? runner : null;
}

/** `run(...)` with `const run = promisify(exec)` (or `util.promisify(cp.execFile)`): the runner it wraps. */
function promisifiedRunner(call: TSESTree.CallExpression, ctx: SnapshotContext): string | null {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return null;
  const def = ctx.refs.variableOf(callee)?.defs[0];
  const init = def?.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init ? unwrap(def.node.init) : null;
  if (init?.type !== AST_NODE_TYPES.CallExpression || !PROMISIFIERS.has(calleeName(init) ?? '')) return null;
  const wrapped = init.arguments[0] ? unwrap(init.arguments[0]) : null;
  if (!wrapped || wrapped.type === AST_NODE_TYPES.SpreadElement) return null;
  const ref = ctx.refs.resolve(wrapped);
  const runner = ref?.path.at(-1);
  return ref && runner && RUNNER_MODULES.includes(ref.module) && PROMISED.has(runner) ? runner : null;
}

/** `(await run(cmd)).stdout`, or `stdout` in `const { stdout } = await run(cmd)`. */
function promisedOutput(call: TSESTree.CallExpression): Node | null {
  const awaited = call.parent?.type === AST_NODE_TYPES.AwaitExpression ? call.parent : null;
  if (!awaited) return null;
  const field = CHILD_PROCESS_RUNNERS.promisedOutputField;
  const parent = awaited.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === awaited)
    return staticPropertyName(parent) === field ? throughTextMethods(parent) : null;
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.id.type !== AST_NODE_TYPES.ObjectPattern)
    return null;
  for (const property of parent.id.properties)
    if (
      property.type === AST_NODE_TYPES.Property &&
      staticPropertyName(property) === field &&
      property.value.type === AST_NODE_TYPES.Identifier
    )
      return property.value;
  return null;
}

/** `x.toString().trim()`: the text of the output, still the output. */
function throughTextMethods(node: Node): Node {
  let current = node;
  for (;;) {
    const member = current.parent;
    const call = member?.parent;
    if (
      member?.type !== AST_NODE_TYPES.MemberExpression ||
      member.object !== current ||
      !TEXT_METHODS.has(staticPropertyName(member) ?? '') ||
      call?.type !== AST_NODE_TYPES.CallExpression ||
      call.callee !== member
    )
      return current;
    current = call;
  }
}

/** The program's base name followed by the command's words, in order (options and their values may sit between). */
function runs(words: readonly string[], command: CliCredentialCommand): boolean {
  const start = words.findIndex((w) => w.replace(/^.*[\\/]/u, '') === command.program);
  if (start < 0) return false;
  let next = 0;
  for (const word of words.slice(start + 1)) {
    if (word === command.words[next]) next += 1;
    else if (next > 0 && !word.startsWith('-')) return false;
    if (next === command.words.length) return true;
  }
  return false;
}

/** The words of a literal command line (a template's placeholders become `${}`); null when it is not literal. */
function commandLineWords(argument: Node | undefined): string[] | null {
  const text = argument ? literalText(argument) : null;
  return text === null ? null : text.split(/\s+/u).filter(Boolean);
}

function programWords(call: TSESTree.CallExpression): string[] | null {
  const program = call.arguments[0] ? literalText(call.arguments[0]) : null;
  const list = call.arguments[1] ? unwrap(call.arguments[1]) : null;
  if (program === null || list?.type !== AST_NODE_TYPES.ArrayExpression) return null;
  return [
    program,
    ...list.elements.map((e) => (e && e.type !== AST_NODE_TYPES.SpreadElement ? literalText(e) : null) ?? '${}'),
  ];
}

function literalText(node: Node): string | null {
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.Literal) return typeof inner.value === 'string' ? inner.value : null;
  if (inner.type !== AST_NODE_TYPES.TemplateLiteral) return null;
  return inner.quasis.map((q) => q.value.cooked ?? '').join(' ${} ');
}
