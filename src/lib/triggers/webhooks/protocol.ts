/**
 * Webhooks through the local server `npm start` runs (proxy/hooks-*.ts) to the open studio
 * (studio-relay.ts). The server keeps every accepted request on disk until the studio says its job exists,
 * so nothing is lost while no studio is open or across a server restart, and nothing runs twice (event ids).
 *
 *   sender ──POST /hooks/PATH  (Authorization: Bearer TOKEN, or ?token=TOKEN)──► 202 {event_id}
 *            401 no/bad token (judged before the path) · 404 PATH not published · 413 body over 1 MiB
 *            429 flood (per path) or too many events waiting for PATH · 400 says JSON but is not
 *   studio ──GET  /hooks-relay/info──► {token, base_url}          (for the trigger inspector)
 *          ──PUT  /hooks-relay/paths {paths}──► 204               (the started webhook recipes' paths; kept on disk)
 *          ──GET  /hooks-relay/stream──► Server-Sent Events `event: hook` / `data: HookEvent` (every pending
 *                                         event oldest first on connect, then each new one; `: ping` comments)
 *          ──POST /hooks-relay/ack {event_id, job_id}──► 204      (delivered: never sent again; unknown id 404,
 *                                         also for one acked long ago: the server forgets all but its newest
 *                                         1000 acked events, so a studio may take 404 on an ack as done)
 *
 * The studio-only routes carry no token: the server answers them only to the studio served from its own
 * origin (Host is ours; Origin absent or our own; GETs also need `Sec-Fetch-Site: same-origin`), as /mcp/relay.
 * Every stream gets every event; several tabs may listen, so the studio dedupes by event id (it makes the event
 * id its job id, and acks once the job exists; an ack of an already acked event is 204 again).
 * Errors are JSON `{error}` in plain words. The token and `Authorization`/`Cookie` never reach an event.
 * No Node imports here: the studio imports this file as is.
 */
import { z } from 'zod';
import { WebhookOutputSchema } from '../../engine/trigger-output';

export const HOOKS_PREFIX = '/hooks/';
export const HOOKS_RELAY_PREFIX = '/hooks-relay/';
export const HOOKS_INFO_PATH = '/hooks-relay/info';
export const HOOKS_PATHS_PATH = '/hooks-relay/paths';
export const HOOKS_STREAM_PATH = '/hooks-relay/stream';
export const HOOKS_ACK_PATH = '/hooks-relay/ack';
/** The SSE event name each relayed webhook comes as. */
export const HOOK_SSE_EVENT = 'hook';

/** A recipe's path as the server compares it: without leading or trailing slashes ("/orders/new/" → "orders/new"). */
export function normalizeHookPath(path: string): string {
  return path.replace(/^\/+|\/+$/g, '');
}

/** A webhook trigger's `path` (the recipe format's characters), normalized; empty after that is refused. */
export const HookPathSchema = z
  .string()
  .max(512)
  .regex(/^[A-Za-z0-9._~\-/]+$/, 'expected a URL path such as "orders/new"')
  .transform(normalizeHookPath)
  .pipe(z.string().min(1, 'a webhook path needs at least one letter or digit'));

/** `wh_` + a random UUID: unguessable, and the studio's job id for the event. */
export const HookEventIdSchema = z.string().regex(/^wh_[A-Za-z0-9-]{16,64}$/, 'not a webhook event id');

/** A received webhook as kept and relayed; `request` is the job's trigger output (WebhookOutputSchema). */
export const HookEventSchema = z.strictObject({
  event_id: HookEventIdSchema,
  /** Normalized, as published. */
  path: z.string().min(1),
  /** ISO 8601. */
  received_at: z.string(),
  request: WebhookOutputSchema
});
export type HookEvent = z.infer<typeof HookEventSchema>;

/** `GET /hooks-relay/info`. `base_url` ends with `/hooks/`: a recipe's URL is base_url + its path. */
export const HookInfoSchema = z.strictObject({ token: z.string().min(16), base_url: z.string() });
export type HookInfo = z.infer<typeof HookInfoSchema>;

/** `PUT /hooks-relay/paths`: every started webhook recipe's path (the whole set, replacing the last one). */
export const HookPathsBodySchema = z.strictObject({ paths: z.array(HookPathSchema).max(1000) });
export type HookPathsBody = z.input<typeof HookPathsBodySchema>;

/** `POST /hooks-relay/ack`: the event's job exists. */
export const HookAckSchema = z.strictObject({ event_id: HookEventIdSchema, job_id: z.string().min(1).max(200) });
export type HookAck = z.infer<typeof HookAckSchema>;

/** `POST /hooks/PATH`'s 202 answer. */
export const HookAcceptedSchema = z.strictObject({ event_id: HookEventIdSchema });

/** Every refusal's body. */
export const HookErrorSchema = z.object({ error: z.string() });

/** The URL a sender posts to for a recipe's path. */
export function hookUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${normalizeHookPath(path)}`;
}

/** A `curl` line that posts a small JSON body to the recipe's URL (shown with its copy button in the inspector). */
export function curlExample(info: HookInfo, path: string): string {
  return `curl -X POST '${hookUrl(info.base_url, path)}' -H 'Authorization: Bearer ${info.token}' -H 'Content-Type: application/json' -d '{"hello":"world"}'`;
}
