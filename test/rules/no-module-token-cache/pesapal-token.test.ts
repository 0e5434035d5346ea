import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule from '../../../rules/no-module-token-cache/index.js';
import type { TokenCacheMessageId as MessageId } from '../../../rules/no-module-token-cache/messages.js';
import { createRuleTester } from '../../rule-tester.js';

// Pesapal API 3.0's token endpoint (`…/api/Auth/RequestToken`): its token lives at most 5 min, so one fetched once and
// kept fails every later payment request. Each invalid case has look-alikes in `valid`.

const invalid: InvalidTestCase<MessageId, []>[] = [
  {
    // A Pesapal token (5 min) fetched with axios once and sent by every later order while it is set.
    code: "const axios = require('axios');\nlet pesapalToken = null;\nasync function getPesapalToken() {\n  const response = await axios.post('https://pay.pesapal.com/v3/api/Auth/RequestToken', { consumer_key: process.env.PESAPAL_CONSUMER_KEY, consumer_secret: process.env.PESAPAL_CONSUMER_SECRET });\n  pesapalToken = response.data.token;\n  return pesapalToken;\n}\nasync function submitOrder(order) {\n  if (!pesapalToken) await getPesapalToken();\n  return axios.post('https://pay.pesapal.com/v3/api/Transactions/SubmitOrderRequest', order, { headers: { Authorization: `Bearer ${pesapalToken}` } });\n}\nmodule.exports = { submitOrder };",
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 5,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output:
              "const axios = require('axios');\nlet pesapalToken = null;\nlet pesapalTokenExpiresAt = 0;\nasync function getPesapalToken() {\n  const response = await axios.post('https://pay.pesapal.com/v3/api/Auth/RequestToken', { consumer_key: process.env.PESAPAL_CONSUMER_KEY, consumer_secret: process.env.PESAPAL_CONSUMER_SECRET });\n  pesapalToken = response.data.token;\n  pesapalTokenExpiresAt = Date.now() + 150 * 1000;\n  return pesapalToken;\n}\nasync function submitOrder(order) {\n  if (!pesapalToken || Date.now() >= pesapalTokenExpiresAt) await getPesapalToken();\n  return axios.post('https://pay.pesapal.com/v3/api/Transactions/SubmitOrderRequest', order, { headers: { Authorization: `Bearer ${pesapalToken}` } });\n}\nmodule.exports = { submitOrder };",
          },
        ],
      },
    ],
  },
  {
    // A Pesapal token fetched with the global fetch from a base URL that names Pesapal, memoised with no deadline.
    code: "let token;\nexport async function pesapalAuth() {\n  if (token) return token;\n  const res = await fetch(`${process.env.PESAPAL_BASE_URL}/api/Auth/RequestToken`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ consumer_key: process.env.KEY, consumer_secret: process.env.SECRET }) });\n  token = (await res.json()).token;\n  return token;\n}",
    errors: [
      {
        messageId: 'moduleTokenCache',
        line: 1,
        suggestions: [
          {
            messageId: 'addExpiryCheck',
            output:
              "let token;\nlet tokenExpiresAt = 0;\nexport async function pesapalAuth() {\n  if (token && Date.now() < tokenExpiresAt) return token;\n  const res = await fetch(`${process.env.PESAPAL_BASE_URL}/api/Auth/RequestToken`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ consumer_key: process.env.KEY, consumer_secret: process.env.SECRET }) });\n  token = (await res.json()).token;\n  tokenExpiresAt = Date.now() + 150 * 1000;\n  return token;\n}",
          },
        ],
      },
    ],
  },
];

const valid: (string | ValidTestCase<[]>)[] = [
  // A token fetched for each order: nothing is kept.
  "const axios = require('axios');\nasync function submitOrder(order) {\n  const { data } = await axios.post('https://pay.pesapal.com/v3/api/Auth/RequestToken', { consumer_key: process.env.KEY, consumer_secret: process.env.SECRET });\n  return axios.post('https://pay.pesapal.com/v3/api/Transactions/SubmitOrderRequest', order, { headers: { Authorization: `Bearer ${data.token}` } });\n}\nmodule.exports = { submitOrder };",
  // The token kept with its expiryDate as a deadline, tested the right way round.
  "const axios = require('axios');\nlet pesapalToken = null;\nlet expiresAt = 0;\nasync function token() {\n  if (!pesapalToken || Date.now() >= expiresAt) {\n    const { data } = await axios.post('https://pay.pesapal.com/v3/api/Auth/RequestToken', { consumer_key: process.env.KEY, consumer_secret: process.env.SECRET });\n    pesapalToken = data.token;\n    expiresAt = Date.parse(data.expiryDate) - 30 * 1000;\n  }\n  return pesapalToken;\n}\nmodule.exports = { token };",
  // Only the IPN id is kept: no token.
  "const axios = require('axios');\nlet ipnId = null;\nasync function registerIpn(token) {\n  if (ipnId) return ipnId;\n  const { data } = await axios.post('https://pay.pesapal.com/v3/api/URLSetup/RegisterIPN', { url: process.env.IPN_URL }, { headers: { Authorization: `Bearer ${token}` } });\n  ipnId = data.ipn_id;\n  return ipnId;\n}\nmodule.exports = { registerIpn };",
  // A RequestToken path of the app's own that names no Pesapal host or variable.
  "let token;\nexport async function appToken() {\n  if (token) return token;\n  const res = await fetch('/internal/api/Auth/RequestToken', { method: 'POST' });\n  token = (await res.json()).token;\n  return token;\n}",
];

createRuleTester().run('no-module-token-cache (Pesapal token endpoint)', rule, { valid, invalid });
