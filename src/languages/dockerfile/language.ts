import type { File, OkParseResult } from '@eslint/core';
import { HashCommentLanguage } from '../shared/hash-comment-language.js';
import { DOCKERFILE_VISITOR_KEYS, type DockerfileAnyNode, type DockerfileNode } from './ast.js';
import { convertDockerfile } from './convert.js';
import { DockerfileSourceCode } from './source-code.js';

/** ESLint Language for Dockerfiles / Containerfiles (`language: 'credential-expiry/dockerfile'`). */
export class DockerfileLanguage extends HashCommentLanguage<DockerfileNode, DockerfileAnyNode, DockerfileSourceCode> {
  constructor() {
    super(DOCKERFILE_VISITOR_KEYS, 'This Dockerfile');
  }

  protected parseText(text: string) {
    return convertDockerfile(text);
  }

  createSourceCode(file: File, parseResult: OkParseResult<DockerfileNode>): DockerfileSourceCode {
    return new DockerfileSourceCode({ text: String(file.body), ast: parseResult.ast });
  }
}
