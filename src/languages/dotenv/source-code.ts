import { HashCommentSourceCode } from '../common/hash-comment-source-code.js';
import { DOTENV_VISITOR_KEYS, type DotenvNode } from './ast.js';

export class DotenvSourceCode extends HashCommentSourceCode<DotenvNode> {
  constructor({ text, ast }: { text: string; ast: DotenvNode }) {
    super({ text, ast, comments: ast.comments, visitorKeys: DOTENV_VISITOR_KEYS, fileKind: '.env' });
  }
}
