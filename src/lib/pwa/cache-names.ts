/** Where the build puts the plan and the caches live: shared by the build, the service worker and the page. */
export const PLAN_PATH = '/precache-plan.json';
/**
 * Hashed and content-keyed files, kept across versions: an update deletes only the entries its plan no
 * longer names, so it downloads only what changed.
 */
export const SHARED_CACHE = 'sous-app-files';
/** A version's own cache (its page shell and plan), replaced on every update. */
export const VERSION_CACHE_PREFIX = 'sous-app-v-';
/** Every cache of ours starts so; any other (WebLLM's model weights) is never touched. */
export const OUR_CACHES = 'sous-app-';
/** Sent by the page when it fills the cache itself (with progress): the service worker lets it through. */
export const FILL_HEADER = 'x-sous-cache-fill';
