/**
 * `text` with every `${...}` placeholder (CloudFormation `!Sub`, Terraform interpolation) replaced by `by`, read in one
 * pass: a RegExp such as `/\$\{[^}]*\}/g` rescans the rest of the text from every unclosed `${`.
 */
export function replacePlaceholders(text: string, by = ''): string {
  let out = '';
  let from = 0;
  for (let open = text.indexOf('${'); open !== -1; open = text.indexOf('${', from)) {
    const close = text.indexOf('}', open + 2);
    if (close === -1) break;
    out += text.slice(from, open) + by;
    from = close + 1;
  }
  return out + text.slice(from);
}
