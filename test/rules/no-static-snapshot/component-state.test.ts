import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-static-snapshot/index.js';
import type { SnapshotMessageId } from '../../../rules/no-static-snapshot/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// Resolved keys copied into a UI component's state: every later handler builds its clients from the copy for as long
// as the component is mounted, and nothing puts fresh keys there before the session ends.
const lines = (...text: string[]) => text.join('\n');
const AMPLIFY_V5 = `import { Auth } from 'aws-amplify';`;
const REACT = `import React, { Component, useEffect, useState } from 'react';`;
const S3 = `import { S3Client, ListObjectsV2Command } from '@aws-sdk/client-s3';`;
const COGNITO = `import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers';`;

const invalid: InvalidTestCase<SnapshotMessageId, []>[] = [
  {
    // A class component copies Amplify's keys into this.state at mount; a later click builds the client from them.
    code: lines(
      AMPLIFY_V5,
      REACT,
      S3,
      'export class Files extends Component {',
      '  state = { keys: null, files: [] };',
      '  async componentDidMount() {',
      '    const creds = await Auth.currentCredentials();',
      '    this.setState({ keys: { accessKeyId: creds.accessKeyId, secretAccessKey: creds.secretAccessKey, sessionToken: creds.sessionToken } });',
      '  }',
      '  list = async () => {',
      "    const s3 = new S3Client({ region: 'eu-west-1', credentials: this.state.keys });",
      "    const out = await s3.send(new ListObjectsV2Command({ Bucket: 'b' }));",
      '    this.setState({ files: out.Contents });',
      '  };',
      '}',
    ),
    errors: [{ messageId: 'copiedCredentials', line: 7, column: 19 }],
  },
  {
    // A function component keeps a v3 provider's resolved keys in a useState hook.
    code: lines(
      COGNITO,
      REACT,
      S3,
      "const provider = fromCognitoIdentityPool({ identityPoolId: 'eu-west-1:pool', clientConfig: { region: 'eu-west-1' } });",
      'export function Uploader() {',
      '  const [credentials, setCredentials] = useState(null);',
      '  useEffect(() => {',
      '    const load = async () => {',
      '      const resolved = await provider();',
      '      setCredentials(resolved);',
      '    };',
      '    load();',
      '  }, []);',
      "  const upload = () => new S3Client({ region: 'eu-west-1', credentials }).send(new ListObjectsV2Command({ Bucket: 'b' }));",
      '  return null;',
      '}',
    ),
    errors: [{ messageId: 'storedCredentials', line: 9, column: 24 }],
  },
  {
    // A Zustand store gets the keys at sign-in; every component builds its clients from the store.
    code: lines(
      AMPLIFY_V5,
      `import { useAuthStore } from './auth-store';`,
      'export async function signIn(username: string, password: string) {',
      '  await Auth.signIn(username, password);',
      '  const { accessKeyId, secretAccessKey, sessionToken } = await Auth.currentCredentials();',
      '  useAuthStore.setState({ keys: { accessKeyId, secretAccessKey, sessionToken } });',
      '}',
    ),
    errors: [{ messageId: 'copiedCredentials', line: 5, column: 58 }],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // Look-alike: the store keeps the source, which each client calls again.
  lines(
    AMPLIFY_V5,
    `import { useAuthStore } from './auth-store';`,
    'export async function signIn(username: string, password: string) {',
    '  await Auth.signIn(username, password);',
    '  useAuthStore.setState({ credentials: () => Auth.currentCredentials() });',
    '}',
  ),
  // Look-alike: the state holds the provider, which each client calls again when its keys near expiry.
  lines(
    COGNITO,
    REACT,
    S3,
    'export class Files extends Component {',
    '  state = { credentials: null };',
    '  componentDidMount() {',
    "    this.setState({ credentials: fromCognitoIdentityPool({ identityPoolId: 'eu-west-1:pool' }) });",
    '  }',
    "  list = () => new S3Client({ region: 'eu-west-1', credentials: this.state.credentials }).send(new ListObjectsV2Command({ Bucket: 'b' }));",
    '}',
  ),
  // Look-alike: only the identity ID, which does not expire, goes into state.
  lines(
    AMPLIFY_V5,
    REACT,
    'export class Profile extends Component {',
    '  state = { identityId: null };',
    '  async componentDidMount() {',
    '    const creds = await Auth.currentCredentials();',
    '    this.setState({ identityId: creds.identityId });',
    '  }',
    '}',
  ),
  // Look-alike: keys resolved in the handler that uses them, each time it runs; state keeps only the result.
  lines(
    AMPLIFY_V5,
    REACT,
    S3,
    'export function Files() {',
    '  const [files, setFiles] = useState([]);',
    '  const list = async () => {',
    '    const credentials = await Auth.currentCredentials();',
    "    const out = await new S3Client({ region: 'eu-west-1', credentials }).send(new ListObjectsV2Command({ Bucket: 'b' }));",
    '    setFiles(out.Contents ?? []);',
    '  };',
    '  return null;',
    '}',
  ),
];

createRuleTester().run('no-static-snapshot (resolved keys kept in component state)', rule, { valid, invalid });
