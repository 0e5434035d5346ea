import { HashCommentSourceCode } from '../common/hash-comment-source-code.js';
import { DOCKERFILE_VISITOR_KEYS, type DockerfileNode } from './ast.js';

export class DockerfileSourceCode extends HashCommentSourceCode<DockerfileNode> {
  constructor({ text, ast }: { text: string; ast: DockerfileNode }) {
    super({ text, ast, comments: ast.comments, visitorKeys: DOCKERFILE_VISITOR_KEYS, fileKind: 'Dockerfile' });
  }
}
