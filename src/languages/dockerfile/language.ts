import type { File, Language, OkParseResult, ParseResult } from '@eslint/core';
import { rejectUnreadableText } from '../shared/file-guards.js';
import { DOCKERFILE_VISITOR_KEYS, type DockerfileAnyNode, type DockerfileNode } from './ast.js';
import { convertDockerfile } from './convert.js';
import { DockerfileSourceCode } from './source-code.js';

type DockerfileLanguageOptions = Record<string, never>;

/** ESLint Language for Dockerfiles / Containerfiles (`language: 'credential-expiry/dockerfile'`). */
export class DockerfileLanguage
  implements Language<{ LangOptions: DockerfileLanguageOptions; Code: DockerfileSourceCode; RootNode: DockerfileNode; Node: DockerfileAnyNode }>
{
  readonly fileType = 'text';
  readonly lineStart = 1;
  readonly columnStart = 1;
  readonly nodeTypeKey = 'type';
  readonly visitorKeys: Record<string, string[]> = Object.fromEntries(
    Object.entries(DOCKERFILE_VISITOR_KEYS).map(([type, keys]) => [type, [...keys]]),
  );
  readonly defaultLanguageOptions: DockerfileLanguageOptions = {};

  validateLanguageOptions(): void {
    // No options.
  }

  parse(file: File): ParseResult<DockerfileNode> {
    const text = String(file.body);
    const unreadable = rejectUnreadableText(text, 'This Dockerfile');
    if (unreadable) return { ok: false, errors: [unreadable] };
    const result = convertDockerfile(text);
    return result.ok ? { ok: true, ast: result.ast } : { ok: false, errors: [result.error] };
  }

  createSourceCode(file: File, parseResult: OkParseResult<DockerfileNode>): DockerfileSourceCode {
    return new DockerfileSourceCode({ text: String(file.body), ast: parseResult.ast });
  }
}
