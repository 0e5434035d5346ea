import type { Source } from './sources.js';

/**
 * How a resolved value travels from the call to the keeper. A flow gets the keeper's `store(value)` statement and
 * returns module-level helpers plus the statements that run where the keeper fills itself; null when the flow does
 * not apply to the source (a spread of a token string, `Promise.all` of a synchronous value).
 */
export interface Flow {
  readonly id: string;
  /** The flow puts the store inside a callback, so the keeper's store must be an assignment, not a declaration. */
  readonly nests?: boolean;
  readonly build: (source: Source, store: (value: string) => string) => FlowCode | null;
}

export interface FlowCode {
  readonly helpers: readonly string[];
  readonly body: readonly string[];
}

const resolved = (s: Source) => (s.awaited ? `await ${s.call}` : s.call);
const usable = (s: Source, v: string) => (s.use ? s.use(v) : v);
/** `use` applied to an expression that is not a plain name needs parentheses. */
const usableOf = (s: Source, expression: string) => (s.use ? s.use(`(${expression})`) : expression);
const prepare = (s: Source) => s.prepare ?? [];

export const FLOWS: readonly Flow[] = [
  {
    // A copy of several fields of an awaited result is never written as one expression: that would be three calls.
    id: 'direct',
    build: (s, store) =>
      s.awaited && s.use && s.use('VALUE').split('VALUE').length > 2
        ? null
        : { helpers: [], body: [...prepare(s), store(usableOf(s, resolved(s)))] },
  },
  {
    id: 'const',
    build: (s, store) => ({
      helpers: [],
      body: [...prepare(s), `const resolved = ${resolved(s)};`, store(usable(s, 'resolved'))],
    }),
  },
  {
    id: 'destructuring',
    build: (s, store) =>
      s.destructure
        ? {
            helpers: [],
            body: [...prepare(s), `const ${s.destructure.pattern} = ${resolved(s)};`, store(s.destructure.value)],
          }
        : null,
  },
  {
    id: 'spread',
    build: (s, store) =>
      s.yields === 'credentials'
        ? {
            helpers: [],
            body: [...prepare(s), `const resolved = ${resolved(s)};`, store(`{ ...${usable(s, 'resolved')} }`)],
          }
        : null,
  },
  {
    id: 'sync helper',
    build: (s, store) =>
      s.awaited
        ? {
            helpers: ['function obtain() {', `  return ${s.call};`, '}'],
            body: [store(usableOf(s, 'await obtain()'))],
          }
        : null,
  },
  {
    id: 'async helper',
    build: (s, store) => ({
      helpers: [
        'async function obtain() {',
        ...prepare(s).map((line) => `  ${line}`),
        `  const resolved = ${resolved(s)};`,
        `  return ${usable(s, 'resolved')};`,
        '}',
      ],
      body: [store('await obtain()')],
    }),
  },
  {
    id: 'arrow helper',
    build: (s, store) => ({
      helpers: [
        'const obtain = async () => {',
        ...prepare(s).map((line) => `  ${line}`),
        `  const resolved = ${resolved(s)};`,
        `  return ${usable(s, 'resolved')};`,
        '};',
      ],
      body: [store('await obtain()')],
    }),
  },
  {
    id: 'helper with an argument',
    build: (s, store) => ({
      helpers: [
        'async function obtain(label) {',
        ...prepare(s).map((line) => `  ${line}`),
        `  const resolved = ${resolved(s)};`,
        '  console.info(label);',
        `  return ${usable(s, 'resolved')};`,
        '}',
      ],
      body: [store(`await obtain('start-up')`)],
    }),
  },
  {
    id: 'helper through a helper',
    build: (s, store) => ({
      helpers: [
        'async function request() {',
        ...prepare(s).map((line) => `  ${line}`),
        `  const resolved = ${resolved(s)};`,
        `  return ${usable(s, 'resolved')};`,
        '}',
        'async function obtain() {',
        '  const value = await request();',
        '  return value;',
        '}',
      ],
      body: [store('await obtain()')],
    }),
  },
  {
    id: 'static method helper',
    build: (s, store) => ({
      helpers: [
        'class Obtainer {',
        '  static async obtain() {',
        ...prepare(s).map((line) => `    ${line}`),
        `    const resolved = ${resolved(s)};`,
        `    return ${usable(s, 'resolved')};`,
        '  }',
        '}',
      ],
      body: [store('await Obtainer.obtain()')],
    }),
  },
  {
    id: 'object method helper',
    build: (s, store) => ({
      helpers: [
        'const vault = {',
        '  async obtain() {',
        ...prepare(s).map((line) => `    ${line}`),
        `    const resolved = ${resolved(s)};`,
        `    return ${usable(s, 'resolved')};`,
        '  },',
        '};',
      ],
      body: [store('await vault.obtain()')],
    }),
  },
  {
    id: 'instance method helper',
    build: (s, store) => ({
      helpers: [
        'class TokenIssuer {',
        '  async obtain() {',
        ...prepare(s).map((line) => `    ${line}`),
        `    const resolved = ${resolved(s)};`,
        `    return ${usable(s, 'resolved')};`,
        '  }',
        '}',
        'const tokenIssuer = new TokenIssuer();',
      ],
      body: [store('await tokenIssuer.obtain()')],
    }),
  },
  {
    id: 'try/catch',
    nests: true,
    build: (s, store) => ({
      helpers: [],
      body: [
        'try {',
        ...prepare(s).map((line) => `  ${line}`),
        `  const resolved = ${resolved(s)};`,
        `  ${store(usable(s, 'resolved'))}`,
        '} catch (error) {',
        '  console.error(error);',
        '}',
      ],
    }),
  },
  {
    id: 'conditional',
    build: (s, store) => ({
      helpers: [],
      body: [
        ...prepare(s),
        `const resolved = ${resolved(s)};`,
        store(`resolved ? ${usable(s, 'resolved')} : undefined`),
      ],
    }),
  },
  {
    id: '.then(cb)',
    nests: true,
    build: (s, store) =>
      s.awaited
        ? {
            helpers: [],
            body: [...prepare(s), `await ${s.call}.then((resolved) => {`, `  ${store(usable(s, 'resolved'))}`, '});'],
          }
        : null,
  },
  {
    id: 'Promise.all',
    build: (s, store) =>
      s.awaited
        ? {
            helpers: [],
            body: [
              ...prepare(s),
              `const [resolved, region] = await Promise.all([${s.call}, Promise.resolve('eu-west-1')]);`,
              store(usable(s, 'resolved')),
            ],
          }
        : null,
  },
];
