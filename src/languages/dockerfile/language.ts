import type { File, OkParseResult } from '@eslint/core';
import { HashCommentLanguage } from '../common/hash-comment-language.js';
import { DOCKERFILE_VISITOR_KEYS, type DockerfileAnyNode, type DockerfileNode } from './ast.js';
import { convertDockerfile } from './convert.js';
import { DockerfileSourceCode } from './source-code.js';

const VISITOR_KEYS = Object.fromEntries(
  Object.entries(DOCKERFILE_VISITOR_KEYS).map(([type, keys]) => [type, [...keys]]),
);

/**
 * ESLint Language for Dockerfiles / Containerfiles (`language: 'credential-expiry/dockerfile'`). Always parsed: the
 * Dockerfile checks read shell commands, paths and line continuations that no text-gate family lists.
 */
export class DockerfileLanguage extends HashCommentLanguage<DockerfileNode, DockerfileAnyNode, DockerfileSourceCode> {
  readonly visitorKeys = VISITOR_KEYS;

  constructor() {
    super('This Dockerfile');
  }

  protected parseText(text: string) {
    return convertDockerfile(text);
  }

  createSourceCode(file: File, parseResult: OkParseResult<DockerfileNode>): DockerfileSourceCode {
    return new DockerfileSourceCode({ text: String(file.body), ast: parseResult.ast });
  }
}
