import createDebug from 'debug';

/**
 * Why the repository model ignored a file or a role (`DEBUG=credential-expiry:repository eslint .`). The model
 * never guesses: an infrastructure setting it cannot read statically is left out, and the reason goes here.
 */
export const debug = createDebug('credential-expiry:repository');
