import type { TSESLint } from '@typescript-eslint/utils';
import type { InstructionNode, PropertyNode } from '../../../src/languages/dockerfile/index.js';
import { removeLines } from '../line-edits.js';

type Fix = TSESLint.RuleFix;

/** Removes an instruction with its indentation and line break, keeping the lines around it intact. */
export function removeInstruction(text: string, instruction: InstructionNode): Fix {
  return removeLines(text, instruction.range);
}

/** Removes one `name=value` of ENV/ARG; the whole instruction when it is the only one. */
export function removeProperty(text: string, instruction: InstructionNode, property: PropertyNode): Fix {
  const { properties } = instruction;
  if (properties.length === 1) return removeInstruction(text, instruction);
  const index = properties.indexOf(property);
  const next = properties[index + 1];
  // Up to the next property, or from the previous one when this is the last: the separating blanks go with it.
  return next
    ? { range: [property.range[0], next.range[0]], text: '' }
    : { range: [properties[index - 1].range[1], property.range[1]], text: '' };
}

/** Adds `--mount=type=secret,id=<id>,env=<name>` right after the RUN keyword. */
export function addSecretMount(instruction: InstructionNode, name: string): Fix {
  return {
    range: [instruction.keywordRange[1], instruction.keywordRange[1]],
    text: ` --mount=type=secret,id=${secretId(name)},env=${name}`,
  };
}

/** `AWS_SESSION_TOKEN` → `aws-session-token`: the id for `--secret id=...`. */
export function secretId(name: string): string {
  return name.toLowerCase().replace(/_/gu, '-');
}
