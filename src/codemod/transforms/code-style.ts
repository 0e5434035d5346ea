import { ts } from 'ts-morph';

interface CodeStyle {
  quote: "'" | '"';
  semicolon: boolean;
  /** CommonJS: `require()` rather than `import`. */
  commonJs: boolean;
}

/** The quote and semicolon style of a file, read from its module specifiers and statements (majority wins). */
export function codeStyleOf(sourceFile: ts.SourceFile): CodeStyle {
  let single = 0;
  let double = 0;
  let withSemicolon = 0;
  let withoutSemicolon = 0;
  let imports = 0;
  let requires = 0;
  for (const statement of sourceFile.statements) {
    const text = statement.getText(sourceFile);
    if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) imports += 1;
    if (/\brequire\s*\(/.test(text) && ts.isVariableStatement(statement)) requires += 1;
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      if (statement.moduleSpecifier.getText(sourceFile).startsWith("'")) single += 1;
      else double += 1;
    }
    if (
      !ts.isFunctionDeclaration(statement) &&
      !ts.isClassDeclaration(statement) &&
      !ts.isBlock(statement) &&
      !ts.isIfStatement(statement) &&
      !ts.isForStatement(statement) &&
      !ts.isForOfStatement(statement) &&
      !ts.isWhileStatement(statement) &&
      !ts.isInterfaceDeclaration(statement) &&
      !ts.isModuleDeclaration(statement) &&
      !ts.isEnumDeclaration(statement) &&
      !ts.isTryStatement(statement)
    ) {
      if (text.endsWith(';')) withSemicolon += 1;
      else withoutSemicolon += 1;
    }
  }
  return {
    quote: double > single ? '"' : "'",
    semicolon: withSemicolon >= withoutSemicolon,
    commonJs: imports === 0 && requires > 0,
  };
}
