/**
 * The tab's relay, as the studio's pages see it: how it is connected (the Assistants page shows it) and
 * the questions waiting for the confirm dialog. One of each per tab, as there is one relay per tab.
 */
import { ConfirmQueue } from './confirm-queue.svelte';
import type { RelayState } from './relay-client';

export const relayStatus = $state<{ state: RelayState }>({ state: 'connecting' });

export const studioConfirms = new ConfirmQueue();
