import { coreRule, coreTester } from './embedded-testers.js';
import { GOOGLE_TOKEN, lines, LONG_KEY, SECRET, TEMP_KEY, TOKEN } from './embedded-fixtures.js';

const base64 = (text: string): string => Buffer.from(text).toString('base64');

coreTester('yaml').run('no-embedded-credentials', coreRule, {
  valid: [
    {
      name: 'a GitHub workflow reading secrets by reference',
      code: lines(
        'jobs:',
        '  deploy:',
        '    steps:',
        '      - uses: aws-actions/configure-aws-credentials@v4',
        '        with:',
        '          aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}',
        '          aws-session-token: ${{ secrets.AWS_SESSION_TOKEN }}',
      ),
    },
    {
      name: 'docker-compose passing variables through',
      code: lines(
        'services:',
        '  app:',
        '    environment:',
        '      - AWS_SESSION_TOKEN=${AWS_SESSION_TOKEN}',
        '      - AWS_REGION=us-east-1',
      ),
    },
    {
      name: 'a Kubernetes secret reference',
      code: lines(
        'env:',
        '  - name: AWS_SESSION_TOKEN',
        '    valueFrom:',
        '      secretKeyRef: { name: aws, key: token }',
      ),
    },
  ],
  invalid: [
    {
      name: 'a Kubernetes env list with a session token',
      code: lines(
        'spec:',
        '  containers:',
        '    - name: app',
        '      env:',
        '        - name: AWS_SESSION_TOKEN',
        `          value: "${TOKEN}"`,
      ),
      errors: [{ messageId: 'sessionToken', line: 6, column: 18 }],
    },
    {
      name: 'docker-compose environment, list and map forms',
      code: lines(
        'services:',
        '  app:',
        '    environment:',
        `      - AWS_ACCESS_KEY_ID=${TEMP_KEY}`,
        `      - AWS_SECRET_ACCESS_KEY=${SECRET}`,
        '  worker:',
        '    environment:',
        `      GOOGLE_OAUTH_ACCESS_TOKEN: ${GOOGLE_TOKEN}`,
      ),
      errors: [
        { messageId: 'temporaryKeyId', line: 4, column: 9 },
        { messageId: 'temporarySecretKey', line: 5, column: 9 },
        { messageId: 'googleAccessToken', line: 8, column: 34 },
      ],
    },
    {
      name: "a Kubernetes Secret's base64 data is decoded",
      code: lines(
        'apiVersion: v1',
        'kind: Secret',
        'metadata: { name: aws }',
        'data:',
        `  AWS_ACCESS_KEY_ID: ${base64(LONG_KEY)}`,
        `  AWS_SECRET_ACCESS_KEY: ${base64(SECRET)}`,
      ),
      errors: [
        { messageId: 'longLivedKey', line: 5, column: 22 },
        { messageId: 'secretKey', line: 6, column: 26 },
      ],
    },
  ],
});
