/**
 * Kubernetes (sigs.k8s.io/yaml over go-yaml), Docker Compose and PyYAML accept a multi-line quoted scalar whose
 * continuation lines are indented less than its key, which YAML 1.2 (and so the `yaml` package under
 * yaml-eslint-parser) rejects with "Missing closing quote". Compiled Kubeflow pipelines are full of them:
 *
 *   command:
 *   - "python3 -m pip install kfp &&
 *   python3 -c 'import x'"
 *
 * `indentQuotedContinuations` indents such lines just enough for YAML 1.2 to read the same value (line folding
 * drops leading white space), and says where it inserted spaces so positions can be mapped back.
 */

export interface Insertion {
  /** Offset in the original text (a line start) where `count` spaces were inserted. */
  offset: number;
  count: number;
}

const VALUE_START = /(?:^|[:\-[{,])\s*$/u;

export function indentQuotedContinuations(text: string): { text: string; insertions: Insertion[] } | undefined {
  const lines = text.split(/(?<=\n)/u);
  const insertions: Insertion[] = [];
  const out: string[] = [];
  let offset = 0;
  let open: { quote: string; indent: number } | undefined;
  for (const line of lines) {
    let body = line;
    let start = 0;
    if (open) {
      const indent = line.length - line.trimStart().length;
      if (line.trim() !== '' && indent < open.indent) {
        const count = open.indent - indent;
        insertions.push({ offset, count });
        body = ' '.repeat(count) + line;
        start = count + indent;
      } else {
        start = indent;
      }
    }
    open = scanLine(body, start, open);
    out.push(body);
    offset += line.length;
  }
  return insertions.length > 0 ? { text: out.join(''), insertions } : undefined;
}

/** Scans one line from `from`; returns the quoted scalar still open at its end, if any. */
function scanLine(
  line: string,
  from: number,
  open: { quote: string; indent: number } | undefined,
): { quote: string; indent: number } | undefined {
  const indent = line.length - line.trimStart().length;
  let quote = open?.quote;
  for (let index = from; index < line.length; index++) {
    const char = line[index];
    if (quote === '"') {
      if (char === '\\') index++;
      else if (char === '"') quote = undefined;
    } else if (quote === "'") {
      if (char === "'" && line[index + 1] === "'") index++;
      else if (char === "'") quote = undefined;
    } else if (char === '#' && (index === 0 || /\s/u.test(line[index - 1]))) {
      return undefined;
    } else if ((char === '"' || char === "'") && VALUE_START.test(line.slice(Math.max(0, index - 40), index))) {
      quote = char;
    }
  }
  if (!quote) return undefined;
  return { quote, indent: open ? open.indent : indent + 1 };
}

/** Maps an offset in the indented text back to the original text. */
export function originalOffset(offset: number, insertions: readonly Insertion[]): number {
  let shifted = offset;
  let inserted = 0;
  for (const { offset: at, count } of insertions) {
    if (at + inserted >= offset) break;
    if (offset < at + inserted + count) return at;
    inserted += count;
    shifted = offset - inserted;
  }
  return shifted;
}
