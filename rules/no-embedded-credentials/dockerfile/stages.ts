import { posix } from 'node:path';
import type { DockerfileNode, InstructionNode, StageNode } from '../../../src/languages/dockerfile/index.js';

/**
 * The stages whose content ships: the last stage, and every stage it builds on through `FROM <stage>`.
 * (`COPY --from=<stage>` copies files only, so a builder stage used that way is discarded with its ENV and layers.)
 */
export function shippedStages(root: DockerfileNode): Set<StageNode> {
  const shipped = new Set<StageNode>();
  for (let stage = root.stages.at(-1); stage && !shipped.has(stage); stage = baseStage(root, stage)) shipped.add(stage);
  return shipped;
}

function baseStage(root: DockerfileNode, stage: StageNode): StageNode | undefined {
  const image = stage.image?.toLowerCase();
  if (!image) return undefined;
  return root.stages.find(
    (candidate) =>
      candidate.index < stage.index && (candidate.name?.toLowerCase() === image || String(candidate.index) === image),
  );
}

export function describeStage(root: DockerfileNode, stage: StageNode): string {
  if (stage === root.stages.at(-1)) return stage.name ? `the final stage "${stage.name}"` : 'the final stage';
  return `stage "${stage.name ?? stage.index}", which the final stage builds on`;
}

/** Each instruction of a stage with the working directory in force when it runs. */
export function* withWorkdir(stage: StageNode): Generator<{ instruction: InstructionNode; workdir: string }> {
  let workdir = '/';
  for (const instruction of stage.instructions) {
    if (instruction.keyword === 'WORKDIR' && instruction.args[0])
      workdir = resolvePath(workdir, instruction.args[0].value);
    yield { instruction, workdir };
  }
}

export function resolvePath(workdir: string, path: string): string {
  return posix.resolve(workdir, unquote(path));
}

export function unquote(text: string): string {
  return text.replace(/^(["'])(.*)\1$/u, '$2');
}

/**
 * `$NAME` or `${NAME}` (with or without a `:-default`). String comparison, not a RegExp built from the name: an
 * ARG name is input and may hold regex syntax (`ARG MY_TOKEN_(`).
 */
export function usesVariable(text: string, name: string): boolean {
  if (name === '') return false;
  for (let at = text.indexOf('$'); at >= 0; at = text.indexOf('$', at + 1)) {
    if (text.startsWith(name, at + 1) && !isWordCharacter(text[at + 1 + name.length])) return true;
    if (text[at + 1] === '{' && text.startsWith(name, at + 2) && '}:'.includes(text[at + 2 + name.length] ?? '-'))
      return true;
  }
  return false;
}

function isWordCharacter(character: string | undefined): boolean {
  return character !== undefined && /\w/u.test(character);
}

export function hasSecretMount(instruction: InstructionNode): boolean {
  return instruction.flags.some(
    (flag) =>
      flag.name === 'mount' && flag.options.some((option) => option.name === 'type' && option.value === 'secret'),
  );
}
