import type { FileError } from '@eslint/core';
import type * as DockerfileAst from 'dockerfile-ast';
import type { Dockerfile, Flag, From, Heredoc, Instruction, Property } from 'dockerfile-ast';
import { lazyModule } from '../../util/lazy-module.js';
import type { CommentNode } from '../common/ast.js';
import type { TextParseResult } from '../common/hash-comment-language.js';
import { LineIndex } from '../common/line-index.js';
import type {
  ArgumentNode,
  DockerfileNode,
  FlagNode,
  HeredocNode,
  InstructionNode,
  ParserDirectiveNode,
  PropertyNode,
  StageNode,
} from './ast.js';

/** dockerfile-ast's 0-based LSP range (line, UTF-16 character). */
type Range = ReturnType<Instruction['getRange']>;

// Loaded on the first Dockerfile (src/util/lazy-module.ts).
const dockerfileAst = lazyModule<typeof DockerfileAst>('dockerfile-ast');
let keywords: ReadonlySet<string> | undefined;
const knownKeywords = (): ReadonlySet<string> => (keywords ??= new Set(Object.values(dockerfileAst().Keyword)));

/**
 * Parses with dockerfile-ast (error-tolerant, built for editors) and converts its result once into our own
 * small AST. dockerfile-ast never throws, so the mistakes BuildKit itself rejects are turned into one parse
 * error here: an unknown instruction, an instruction other than ARG before the first FROM, an instruction
 * without arguments, a heredoc without its closing delimiter.
 */
export function convertDockerfile(text: string): TextParseResult<DockerfileNode> {
  const lines = new LineIndex(text);
  const dockerfile = dockerfileAst().DockerfileParser.parse(text);
  const converter = new Converter(text, lines);

  const globalArgs: InstructionNode[] = [];
  const stages: StageNode[] = [];
  for (const instruction of dockerfile.getInstructions()) {
    const problem = findProblem(instruction, stages.length > 0);
    if (problem) return { ok: false, error: converter.error(instruction.getRange(), problem) };
    const node = converter.instruction(instruction);
    if (node.keyword === 'FROM') {
      stages.push(converter.stage(instruction as From, node, stages.length));
    } else if (stages.length === 0) {
      globalArgs.push(node);
    } else {
      const stage = stages[stages.length - 1];
      stage.instructions.push(node);
      stage.range = [stage.range[0], node.range[1]];
      stage.loc = { start: stage.loc.start, end: node.loc.end };
    }
  }

  return {
    ok: true,
    ast: {
      type: 'Dockerfile',
      escapeChar: dockerfile.getEscapeCharacter(),
      directives: converter.directives(dockerfile),
      globalArgs,
      stages,
      comments: converter.comments(dockerfile),
      range: [0, text.length],
      loc: lines.locOf(0, text.length),
    },
  };
}

function findProblem(instruction: Instruction, inStage: boolean): string | undefined {
  const keyword = instruction.getKeyword();
  if (!knownKeywords().has(keyword)) {
    return `Unknown instruction '${instruction.getInstruction()}' (is a line continuation missing on the line before?).`;
  }
  if (!inStage && keyword !== 'ARG' && keyword !== 'FROM') {
    return `${keyword} comes before the first FROM; only ARG may.`;
  }
  if (instruction.getArguments().length === 0) {
    return `${keyword} needs arguments.`;
  }
  const unterminated = heredocsOf(instruction).find((heredoc) => heredoc.getDelimiterRange() === null);
  if (unterminated) {
    return `The heredoc '<<${unterminated.getName()}' is never closed by a line '${unterminated.getName()}'.`;
  }
  return undefined;
}

function heredocsOf(instruction: Instruction): Heredoc[] {
  return 'getHeredocs' in instruction ? (instruction as Instruction & { getHeredocs(): Heredoc[] }).getHeredocs() : [];
}

function flagsOf(instruction: Instruction): Flag[] {
  return 'getFlags' in instruction ? (instruction as Instruction & { getFlags(): Flag[] }).getFlags() : [];
}

function propertiesOf(instruction: Instruction): Property[] {
  return 'getProperties' in instruction
    ? (instruction as Instruction & { getProperties(): Property[] }).getProperties()
    : [];
}

function parseExecForm(command: string): string[] | null {
  if (!command.startsWith('[')) return null;
  try {
    const parsed: unknown = JSON.parse(command);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string') ? parsed : null;
  } catch {
    return null; // Docker falls back to the shell form too.
  }
}

class Converter {
  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
  ) {}

  range(range: Range): [number, number] {
    return [
      this.lines.offsetOf(range.start.line, range.start.character),
      this.lines.offsetOf(range.end.line, range.end.character),
    ];
  }

  located(range: Range) {
    const [start, end] = this.range(range);
    return { range: [start, end] as [number, number], loc: this.lines.locOf(start, end) };
  }

  error(range: Range, message: string): FileError {
    const { loc } = this.located(range);
    return {
      message,
      line: loc.start.line,
      column: loc.start.column,
      endLine: loc.end.line,
      endColumn: loc.end.column,
    };
  }

  stage(from: From, node: InstructionNode, index: number): StageNode {
    return {
      type: 'Stage',
      index,
      name: from.getBuildStage(),
      image: from.getImage(),
      from: node,
      instructions: [],
      range: node.range,
      loc: node.loc,
    };
  }

  instruction(instruction: Instruction): InstructionNode {
    const args: ArgumentNode[] = instruction.getArguments().map((argument) => ({
      type: 'Argument',
      value: argument.getValue(),
      ...this.located(argument.getRange()),
    }));
    const command = args.map((argument) => argument.value).join(' ');
    const keyword = instruction.getKeyword();
    const trigger =
      keyword === 'ONBUILD'
        ? (instruction as Instruction & { getTriggerInstruction(): Instruction | null }).getTriggerInstruction()
        : null;
    return {
      type: 'Instruction',
      keyword,
      keywordRange: this.range(instruction.getInstructionRange()),
      flags: flagsOf(instruction).map((flag) => this.flag(flag)),
      args,
      command,
      execForm: parseExecForm(command),
      properties: propertiesOf(instruction).map((property) => this.property(property)),
      heredocs: heredocsOf(instruction).map((heredoc) => this.heredoc(heredoc)),
      trigger: trigger ? this.instruction(trigger) : null,
      ...this.located(instruction.getRange()),
    };
  }

  flag(flag: Flag): FlagNode {
    return {
      type: 'Flag',
      name: flag.getName(),
      value: flag.getValue(),
      options: flag.getOptions().map((option) => ({ name: option.getName(), value: option.getValue() })),
      ...this.located(flag.getRange()),
    };
  }

  property(property: Property): PropertyNode {
    const valueRange = property.getValueRange();
    return {
      type: 'KeyValue',
      name: property.getName(),
      value: property.getValue(),
      nameRange: this.range(property.getNameRange()),
      valueRange: valueRange ? this.range(valueRange) : null,
      ...this.located(property.getRange()),
    };
  }

  heredoc(heredoc: Heredoc): HeredocNode {
    const contentRange = heredoc.getContentRange();
    const content = contentRange ? this.range(contentRange) : null;
    const end = heredoc.getDelimiterRange() ?? heredoc.getNameRange();
    return {
      type: 'Heredoc',
      name: heredoc.getName(),
      content: content ? this.text.slice(content[0], content[1]) : '',
      contentRange: content,
      ...this.located({ start: heredoc.getStartRange().start, end: end.end }),
    };
  }

  directives(dockerfile: Dockerfile): ParserDirectiveNode[] {
    return dockerfile.getDirectives().map((directive) => ({
      type: 'ParserDirective',
      name: directive.getName(),
      value: directive.getValue(),
      ...this.located(directive.getRange()),
    }));
  }

  comments(dockerfile: Dockerfile): CommentNode[] {
    return dockerfile.getComments().map((comment) => {
      const located = this.located(comment.getRange());
      return { type: 'Comment', value: this.text.slice(located.range[0] + 1, located.range[1]), ...located };
    });
  }
}
