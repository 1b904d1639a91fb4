/**
 * The webhook relay's and the webhook inspector's words, in one place (the editor has no Korean mode yet).
 * Each says what happened to the person's webhooks and what, if anything, they can do.
 */
const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));

export const relayWords = {
  noRecipe: (path: string) =>
    `A webhook for /hooks/${path} is waiting: no started recipe listens on that path now. It runs when you start a recipe with that webhook path.`,
  engineFailed: (path: string, err: unknown) =>
    `A webhook for /hooks/${path} could not be handed to its recipe yet (${reason(err)}). It stays on the local server and is tried again.`,
  busy: (path: string, message: string) => `Webhooks for /hooks/${path} are waiting: ${message}. They are tried again shortly.`,
  refused: (path: string, message: string) =>
    `A webhook for /hooks/${path} was not run: ${message}. It stays on the local server and is tried again when the started recipes change.`,
  streamDown:
    'The studio has lost its link to the local server (npm start), so webhooks are not relayed now. They wait on the server and run once the link is back.',
  publishFailed: (err: unknown) =>
    `The local server could not be told which webhook paths your started recipes listen on (${reason(err)}). It is tried again when the link is back.`,
  relayFailed: (err: unknown) => `The webhook relay stopped working in this tab (${reason(err)}): reload the studio to start it again.`,
  recipesUnreadable: (recipeId: string, message: string) => `The started recipe "${recipeId}" cannot take webhooks: ${message}.`
} as const;

/** The webhook inspector's words. */
export const webhookInfoWords = {
  heading: 'Receiving webhooks',
  url: 'URL',
  token: 'Token',
  show: 'Show',
  hide: 'Hide',
  showToken: 'Show the token',
  hideToken: 'Hide the token',
  copyUrl: 'Copy the webhook URL',
  copyToken: 'Copy the token',
  copyCurl: 'Copy a curl example',
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Could not copy: select the text and copy it yourself',
  curl: 'Try it with curl',
  tokenHint: 'Send it as the header Authorization: Bearer TOKEN, or as ?token=TOKEN at the end of the URL.',
  started: 'This recipe is started: webhooks posted to this URL run it, also while the studio is closed (they run when it opens).',
  startedOther: (path: string) => `This recipe is started on an earlier version, which listens at /hooks/${path}: start this version to use the path above.`,
  stopped: 'The recipe must be started to receive webhooks: until then the local server answers 404 for this URL.',
  noPath: 'Give the webhook a path above to get its URL.',
  loading: 'Asking the local server for the webhook address…',
  noServer:
    'Webhooks need the local server: open the studio the way `npm start` serves it (http://127.0.0.1:5177 by default). This studio was not opened from it, so it cannot receive webhooks.'
} as const;
