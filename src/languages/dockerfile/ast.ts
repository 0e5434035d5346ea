import type { CommentNode, NodeBase } from '../common/ast.js';

/** Root: parser directives, global ARGs (before the first FROM), then one Stage per FROM. */
export interface DockerfileNode extends NodeBase {
  type: 'Dockerfile';
  /** The escape character in force (`\` unless `# escape=`` ` says otherwise). */
  escapeChar: string;
  directives: ParserDirectiveNode[];
  globalArgs: InstructionNode[];
  stages: StageNode[];
  comments: CommentNode[];
}

/** `# syntax=...` / `# escape=...` at the top of the file. */
export interface ParserDirectiveNode extends NodeBase {
  type: 'ParserDirective';
  name: string;
  value: string;
}

/** One build stage: its FROM and the instructions up to the next FROM. */
export interface StageNode extends NodeBase {
  type: 'Stage';
  /** 0-based position among the stages. */
  index: number;
  /** `AS name`, as written (Docker compares stage names case-insensitively). */
  name: string | null;
  /** The base image as written: an image reference or the name of an earlier stage. */
  image: string | null;
  from: InstructionNode;
  /** The instructions after FROM. */
  instructions: InstructionNode[];
}

export interface InstructionNode extends NodeBase {
  type: 'Instruction';
  /** Upper-case keyword: RUN, ENV, COPY, ... */
  keyword: string;
  keywordRange: [number, number];
  flags: FlagNode[];
  /** Shell words after the flags as dockerfile-ast splits them (quotes kept, continuations removed). */
  args: ArgumentNode[];
  /** The words after the flags joined by single spaces: the command as one line, heredoc bodies included. */
  command: string;
  /** The JSON (exec) form `["a", "b"]` when the arguments are one, else null (shell form). */
  execForm: string[] | null;
  /** ENV, ARG and LABEL `name=value` pairs (`ENV name value` legacy form too). */
  properties: PropertyNode[];
  heredocs: HeredocNode[];
  /** ONBUILD's trigger instruction. */
  trigger: InstructionNode | null;
}

/** `--name=value`; `options` splits `type=secret,id=aws` for --mount. */
export interface FlagNode extends NodeBase {
  type: 'Flag';
  name: string;
  value: string | null;
  options: { name: string; value: string | null }[];
}

export interface ArgumentNode extends NodeBase {
  type: 'Argument';
  value: string;
}

/**
 * `name=value` of ENV/ARG/LABEL. `value` has quotes and escapes removed; null for a bare `ARG NAME`. Not called
 * `Property` (dockerfile-ast's name): JavaScript rules from configs without `files` listen to ESTree's `Property`.
 */
export interface PropertyNode extends NodeBase {
  type: 'KeyValue';
  name: string;
  value: string | null;
  nameRange: [number, number];
  valueRange: [number, number] | null;
}

/** `<<EOF ... EOF` attached to RUN/COPY/ADD. */
export interface HeredocNode extends NodeBase {
  type: 'Heredoc';
  name: string;
  content: string;
  contentRange: [number, number] | null;
}

export type DockerfileAnyNode =
  | DockerfileNode
  | ParserDirectiveNode
  | StageNode
  | InstructionNode
  | FlagNode
  | ArgumentNode
  | PropertyNode
  | HeredocNode;

export const DOCKERFILE_VISITOR_KEYS = {
  Dockerfile: ['directives', 'globalArgs', 'stages'],
  ParserDirective: [],
  Stage: ['from', 'instructions'],
  Instruction: ['flags', 'args', 'properties', 'heredocs', 'trigger'],
  Flag: [],
  Argument: [],
  KeyValue: [],
  Heredoc: [],
} as const satisfies Record<DockerfileAnyNode['type'], readonly string[]>;
