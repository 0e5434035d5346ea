/**
 * Inputs that made a rule stall or multiply its reports (issue: 1 MB files that stalled a rule for minutes,
 * repeated ARG/RUN pairs, many findings in one file). Shared by test/robust/hostile-inputs.test.ts (smaller sizes), which asserts
 * what is found, and bench/stress.js, which times them.
 */
export const MEGABYTE = 1_000_000;

const lines = (...text) => `${text.join('\n')}\n`;
const SNAPSHOT_HEADER = [
  "import { fromIni } from '@aws-sdk/credential-providers';",
  "import { S3Client } from '@aws-sdk/client-s3';",
];

/** @returns {{ name: string, filename: string, text: string, findings: number }[]} */
export function hostileInputs(size = MEGABYTE, manyFindings = 1000) {
  return [
    {
      name: 'COPY of a path made of slashes',
      filename: 'Dockerfile',
      text: lines('FROM node:20', `COPY ${'/'.repeat(size)} /app`),
      findings: 0,
    },
    {
      name: 'RUN aws followed by dashes',
      filename: 'Dockerfile',
      text: lines('FROM node:20', `RUN aws\t${'-'.repeat(size)}`),
      findings: 0,
    },
    {
      name: 'RUN echo followed by redirections',
      filename: 'Dockerfile',
      text: lines('FROM node:20', `RUN echo ${'>'.repeat(size)}`),
      findings: 0,
    },
    {
      name: 'RUN with repeated aws flags',
      filename: 'Dockerfile',
      text: lines('FROM node:20', `RUN ${'aws\t--r\t'.repeat(size / 8)}`),
      findings: 0,
    },
    {
      name: 'three ARG/RUN pairs of one secret: one finding per RUN line',
      filename: 'Dockerfile',
      text: lines(
        'FROM node:20',
        ...Array.from({ length: 3 }, () => ['ARG NPM_TOKEN', 'RUN npm ci --token $NPM_TOKEN']).flat(),
      ),
      findings: 3,
    },
    {
      name: 'a SAS-like query repeated in a string',
      filename: 'a.js',
      text: `const s = '${'sv=0000-00-00&sig=sgvAgv%0gg%'.repeat(size / 28)}';\n`,
      findings: 0,
    },
    {
      name: 'a metadata host repeated in a URL',
      filename: 'a.js',
      text: `fetch('${'[fd00:ec2::254]4'.repeat(size / 16)}#');\n`,
      findings: 0,
    },
    {
      name: `${manyFindings} module-level snapshots in one file`,
      filename: 'a.ts',
      text: lines(
        ...SNAPSHOT_HEADER,
        ...Array.from(
          { length: manyFindings },
          (_, i) => `const c${i} = await fromIni()(); export const s${i} = new S3Client({ credentials: c${i} });`,
        ),
      ),
      findings: manyFindings,
    },
  ];
}
