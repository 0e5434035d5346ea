import type { SourceLocation, SourceRange } from '@eslint/core';

/** Every node of our small non-JS ASTs: 1-based `loc` (line and column), 0-based `range` offsets. */
export interface NodeBase {
  type: string;
  loc: SourceLocation;
  range: SourceRange;
}

/** A `#` comment; `value` is the text after the `#`. Comments are kept on the root, not traversed. */
export interface CommentNode extends NodeBase {
  type: 'Comment';
  value: string;
}
