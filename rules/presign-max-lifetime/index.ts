import { formatDuration } from '../../src/analysis/format.js';
import { presignListener } from '../presign-utils/index.js';
import { clampEdit, fromNowEdits, statedUnit } from '../presign-utils/suggest.js';
import { readSettings } from '../../src/settings.js';
import { JS_ONLY } from '../../src/languages/ids.js';
import { createRule } from '../../src/util/create-rule.js';

type MessageId =
  'aboveMaximum' | 'timeAsDuration' | 'clampToMaximum' | 'readAsSeconds' | 'readAsMilliseconds' | 'readInStatedUnit';

export default createRule<[], MessageId>({
  name: 'presign-max-lifetime',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow presign lifetimes that always fail: above the service maximum, or a duration passed where an expiration time belongs',
      triggers: ['presign-modules'],
      recommended: 'error',
      usesTypeInformation: true,
      // Above the maximum the SDK throws, so no link is ever made: the longest lifetime that works is the only one
      // that keeps the code's intent. Reading a duration as seconds or milliseconds is a guess, left to a person,
      // unless the code states the unit (a name, a `* 1000`, a whole number of minutes in seconds).
      migrationSafeSuggestions: ['clampToMaximum', 'readInStatedUnit'],
    },
    languages: JS_ONLY,
    hasSuggestions: true,
    messages: {
      aboveMaximum: 'This signature is asked to last {{lifetime}}, more than the {{maximum}} maximum: {{failure}}.',
      timeAsDuration:
        '`{{property}}` takes a point in time (a Date or epoch milliseconds), but {{value}} is a duration: it means {{date}}, so {{failure}}.',
      clampToMaximum: 'Shorten the lifetime to the {{target}} maximum: {{replacement}}',
      readAsSeconds: 'Read {{value}} as seconds from now: {{replacement}}',
      readAsMilliseconds: 'Read {{value}} as milliseconds from now: {{replacement}}',
      readInStatedUnit: 'Read {{value}} as {{unit}} from now ({{why}}): {{replacement}}',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const settings = readSettings(context.settings);
    return presignListener(context, settings, (finding) => {
      const { expiry } = finding.presigner;
      if (finding.kind === 'above-maximum') {
        const clamp = clampEdit(context, finding.requested, finding.maximum);
        context.report({
          node: finding.node,
          messageId: 'aboveMaximum',
          data: {
            lifetime: `${formatDuration(finding.requested.seconds)}${finding.constant ? ` (${finding.constant})` : ''}`,
            maximum: formatDuration(finding.maximum),
            failure: expiry.maxFailure ?? 'the service refuses it',
          },
          suggest: clamp ? [{ messageId: 'clampToMaximum', data: clamp.data, fix: clamp.fix }] : [],
        });
      } else if (finding.kind === 'time-as-duration') {
        const { value } = finding.requested.source;
        const fromNow = fromNowEdits(context, finding.requested);
        const stated = statedUnit(context, finding.requested);
        context.report({
          node: finding.node,
          messageId: 'timeAsDuration',
          data: {
            property: expiry.property ?? 'the expiry',
            value,
            date: new Date(value).toISOString(),
            failure: expiry.pastFailure,
          },
          suggest: stated
            ? [
                {
                  messageId: 'readInStatedUnit',
                  data: {
                    value: fromNow[stated.unit].data.value,
                    unit: stated.unit,
                    why: stated.why,
                    replacement: fromNow[stated.unit].data.replacement,
                  },
                  fix: fromNow[stated.unit].fix,
                },
              ]
            : [
                { messageId: 'readAsSeconds', data: fromNow.seconds.data, fix: fromNow.seconds.fix },
                { messageId: 'readAsMilliseconds', data: fromNow.milliseconds.data, fix: fromNow.milliseconds.fix },
              ],
        });
      }
    });
  },
});
