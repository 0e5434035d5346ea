import type { TSESLint } from '@typescript-eslint/utils';

type Handler = (node: never) => void;

/** Two listener sets as one: where both listen to the same selector, the first runs, then the second. */
export function mergeListeners(first: TSESLint.RuleListener, second: TSESLint.RuleListener): TSESLint.RuleListener {
  const merged: Record<string, Handler> = { ...(first as Record<string, Handler>) };
  for (const [selector, handler] of Object.entries(second as Record<string, Handler>)) {
    const earlier = merged[selector];
    merged[selector] = earlier
      ? (node: never) => {
          earlier(node);
          handler(node);
        }
      : handler;
  }
  return merged;
}
