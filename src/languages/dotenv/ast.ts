import type { CommentNode, NodeBase } from '../common/ast.js';

export interface DotenvNode extends NodeBase {
  type: 'Dotenv';
  body: EntryNode[];
  comments: CommentNode[];
}

/** `KEY=value`, `export KEY=value`, `KEY: value`, or a bare `KEY` (passed through from the host by Docker). */
export interface EntryNode extends NodeBase {
  type: 'Entry';
  exported: boolean;
  key: KeyNode;
  value: ValueNode | null;
}

export interface KeyNode extends NodeBase {
  type: 'Key';
  name: string;
}

/** The value as dotenv loads it (`value`) and as written (`raw`, quotes included). */
export interface ValueNode extends NodeBase {
  type: 'Value';
  value: string;
  raw: string;
  quote: '"' | "'" | '`' | null;
}

export type DotenvAnyNode = DotenvNode | EntryNode | KeyNode | ValueNode;

export const DOTENV_VISITOR_KEYS = {
  Dotenv: ['body'],
  Entry: ['key', 'value'],
  Key: [],
  Value: [],
} as const satisfies Record<DotenvAnyNode['type'], readonly string[]>;
