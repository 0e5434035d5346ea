import { describe, expect, it } from 'vitest';
import { IDENTITY_PLATFORM_TOKENS, TOKEN_TEXT_HINT } from '../../src/knowledge/index.js';

// The gate for files that import no SDK is built from the knowledge base: a platform token added there opens it
// without anyone spelling its name a second time.
describe('TOKEN_TEXT_HINT', () => {
  it('is opened by the name of every identity-platform token, as code asks for it or reads it', () => {
    for (const token of IDENTITY_PLATFORM_TOKENS) {
      const name = 'field' in token ? token.field : token.method;
      // A method common to other libraries is asked of the property it is the platform's on (`supabase.auth`).
      const receiver = 'receiverProperty' in token ? `client.${token.receiverProperty}` : 'client';
      const code =
        'field' in token ? `const kept = data.session.${name};` : `const kept = await ${receiver}.${name}();`;
      expect(TOKEN_TEXT_HINT.test(code), token.id).toBe(true);
    }
  });

  it('is opened by a platform name that no other part of the hint spells', () => {
    // `credentialFromResult` contains no token field, endpoint or lifetime word.
    expect(TOKEN_TEXT_HINT.test('const credential = GoogleAuthProvider.credentialFromResult(result);')).toBe(true);
  });

  it('stays shut for code that names none of them', () => {
    for (const code of [
      'const user = await api.getUser(id); render(user.name);',
      'export const session = await getSession(req); // a server session, not a platform token',
      'const s = await store.getSession(id);',
      'const result = await signInWithPopup(auth, provider); setUser(result.user);',
    ])
      expect(TOKEN_TEXT_HINT.test(code), code).toBe(false);
  });
});
