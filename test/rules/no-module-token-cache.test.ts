import rule from '../../rules/no-module-token-cache.js';
import { createRuleTester } from '../rule-tester.js';
import { invalid, valid } from './no-module-token-cache.cases.js';

createRuleTester().run('no-module-token-cache', rule, { valid, invalid });
