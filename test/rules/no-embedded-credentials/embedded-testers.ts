import json from '@eslint/json';
import { type Linter, type Rule, RuleTester } from 'eslint';
import { describe, it } from 'vitest';
import * as yamlParser from 'yaml-eslint-parser';
import plugin from '../../../src/index.js';
import rule from '../../../rules/no-embedded-credentials/index.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export const coreRule = rule as unknown as Rule.RuleModule;

const LANGUAGE_CONFIGS = {
  dockerfile: { plugins: { 'credential-expiry': plugin }, language: 'credential-expiry/dockerfile' },
  dotenv: { plugins: { 'credential-expiry': plugin }, language: 'credential-expiry/dotenv' },
  json: { plugins: { json }, language: 'json/json' },
  yaml: { languageOptions: { parser: yamlParser } },
} as const satisfies Record<string, Linter.Config>;

/** ESLint core RuleTester for one of the non-JS file types of no-embedded-credentials. */
export function coreTester(type: keyof typeof LANGUAGE_CONFIGS): RuleTester {
  return new RuleTester(LANGUAGE_CONFIGS[type] as Linter.Config);
}
