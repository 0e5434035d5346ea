import { isPlaceholder } from '../../../src/analysis/secret-scan.js';
import { CREDENTIAL_FILE_POINTERS, DOCKER_SECRET_NAME, ENV_READING_TOOLS } from '../../../src/knowledge/secrets.js';
import type {
  DockerfileNode,
  InstructionNode,
  PropertyNode,
  StageNode,
} from '../../../src/languages/dockerfile/index.js';
import type { EmbeddedContext, ReportProblem } from '../context.js';
import { addSecretMount, removeProperty, secretId } from './edits.js';
import { describeStage, hasSecretMount, usesVariable } from './stages.js';

const POINTER_NAMES: ReadonlySet<string> = new Set(CREDENTIAL_FILE_POINTERS.envNames);
const NOT_A_SECRET_VALUE = /^(?:true|false|yes|no|on|off|\d+)$/iu;

function isSecretName(name: string): boolean {
  return (
    DOCKER_SECRET_NAME.pattern.test(name) && !DOCKER_SECRET_NAME.notSecretSuffix.test(name) && !POINTER_NAMES.has(name)
  );
}

/** The value would put something in the image: a build-arg reference counts, an empty or placeholder literal does not. */
function carriesValue(value: string | null): boolean {
  if (value === null || value.trim() === '' || NOT_A_SECRET_VALUE.test(value.trim())) return false;
  return /\$/u.test(value) || !isPlaceholder(value);
}

/**
 * ENV with a credential name in a shipped stage: the value stays in the image config. Bare ARGs are not reported
 * themselves (Docker stores a build argument nowhere unless an instruction consumes it); their consumers are: the ENV
 * that copies one (here) and the RUN steps that use one (checkRunsUsingSecretArgs).
 */
export function checkSecretEnv(
  context: EmbeddedContext,
  report: ReportProblem,
  root: DockerfileNode,
  stage: StageNode,
  alreadyReported: ReadonlySet<PropertyNode>,
): void {
  const text = context.sourceCode.text;
  stage.instructions.forEach((instruction, position) => {
    if (instruction.keyword !== 'ENV') return;
    for (const property of instruction.properties) {
      if (alreadyReported.has(property) || !isSecretName(property.name) || !carriesValue(property.value)) continue;
      const { name } = property;
      const data = { name, id: secretId(name), stage: describeStage(root, stage) };
      const later = stage.instructions.slice(position + 1);
      const runs = later.filter((node) => node.keyword === 'RUN' && !mountsSecretEnv(node, name));
      const bareArg = stage.instructions
        .slice(0, position)
        .find((node) => node.keyword === 'ARG' && node.properties.some((p) => p.name === name && p.value === null));
      const argStillUsed = later.some((node) => usesVariable(node.command, name));
      report({
        loc: property.loc,
        messageId: 'dockerEnvCredential',
        data,
        suggest: [
          {
            messageId: 'useSecretMount',
            data,
            fix: () => [
              removeProperty(text, instruction, property),
              ...(bareArg && !argStillUsed
                ? [
                    removeProperty(
                      text,
                      bareArg,
                      bareArg.properties.find((p) => p.name === name)!,
                    ),
                  ]
                : []),
              ...runs.map((run) => addSecretMount(run, name)),
            ],
          },
        ],
      });
    }
  });
}

/**
 * RUN steps of a shipped stage that consume a secret-named build argument: by expanding it (`$NPM_TOKEN`), or by
 * running a tool that reads it from the environment (`aws s3 cp` with ARG AWS_ACCESS_KEY_ID; ENV_READING_TOOLS).
 * The value lands in the image history. One finding per step, naming every argument it consumes; steps already
 * reported (a build-time fetch) are not reported again.
 */
export function checkRunsUsingSecretArgs(
  context: EmbeddedContext,
  report: ReportProblem,
  stage: StageNode,
  alreadyReported: ReadonlySet<InstructionNode>,
): void {
  // A Set: an ARG declared again is the same argument.
  const declared = new Set<string>();
  const inEnv = new Set<string>();
  for (const instruction of stage.instructions) {
    if (instruction.keyword === 'ARG')
      for (const p of instruction.properties) if (isSecretName(p.name)) declared.add(p.name);
    // An ENV that copies the argument is reported itself (checkSecretEnv): tools then read the ENV, not the argument.
    if (instruction.keyword === 'ENV') for (const property of instruction.properties) inEnv.add(property.name);
    if (instruction.keyword !== 'RUN' || alreadyReported.has(instruction)) continue;
    // A step that mounts a secret handles its secrets the right way; what it expands is then its own business.
    if (hasSecretMount(instruction)) continue;
    const expanded = [...declared].filter((name) => usesVariable(instruction.command, name));
    const tool = ENV_READING_TOOLS.find((candidate) => candidate.command.test(instruction.command));
    const read = tool
      ? [...declared].filter(
          (name) => !expanded.includes(name) && !inEnv.has(name) && (tool.reads as readonly string[]).includes(name),
        )
      : [];
    const names = [...expanded, ...read];
    if (names.length === 0) continue;
    const how = expanded.length > 0 ? 'uses' : `runs ${tool!.tool}, which reads`;
    report({
      loc: instruction.loc,
      messageId: 'dockerRunUsesBuildArg',
      data: {
        how,
        names: names.join(', '),
        mounts: names.map((name) => `--mount=type=secret,id=${secretId(name)},env=${name}`).join(' '),
        secrets: names.map((name) => `--secret id=${secretId(name)},env=${name}`).join(' '),
      },
    });
  }
}

function mountsSecretEnv(instruction: InstructionNode, name: string): boolean {
  return instruction.flags.some(
    (flag) => flag.name === 'mount' && flag.options.some((option) => option.name === 'env' && option.value === name),
  );
}
