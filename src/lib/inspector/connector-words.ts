/**
 * The built-in connectors' apps, actions, events and common field names in the studio's language (the
 * words live in the inspector catalogue). English is the connector's own label, so an imported connector
 * (or one this map lacks) keeps the words its author gave it, in either language.
 */
import { locale, t, type MessageKey } from '../i18n';

const norm = (id: string) => id.replace(/[.:]/g, '_');

/** The catalogue's word for `key`, or `fallback` where English is spoken or the catalogue has none. */
function word(key: string, fallback: string): string {
  if (locale.current === 'en') return fallback;
  const full = `inspector:${key}`;
  const text = t(full as MessageKey);
  // i18next answers the key itself for a missing one, and a sentence about it for a key that is a group.
  if (typeof text !== 'string' || text === full || text === key || text.startsWith('key \'')) return fallback;
  return text;
}

export const appLabel = (connector: string, fallback: string) => word(`connectors.apps.${norm(connector)}`, fallback);

export const actionLabel = (connector: string, action: string, fallback: string) => word(`connectors.actions.${norm(connector)}.${norm(action)}`, fallback);

export const eventLabel = (connector: string, event: string, fallback: string) => word(`connectors.events.${norm(connector)}.${norm(event)}`, fallback);

/** The built-in connectors' field help, by its English words (an imported connector's stays as written). */
const HELP: Readonly<Record<string, string>> = {
  'The table’s name, as on the Tables page': 'table',
  'A column of the table': 'column',
  'The value the column must equal': 'value',
  'e.g. #general or a channel ID; a webhook always posts to its own channel': 'slackChannel'
};

export const fieldHelp = (english: string) => (Object.hasOwn(HELP, english) ? word(`connectors.help.${HELP[english]}`, english) : english);

/** A generated field's label: the schema's own title first, else the word for its key, else `fallback`. */
export const fieldLabel = (key: string, fallback: string) => (/^[a-z_]+$/.test(key) ? word(`fields.${key}`, fallback) : fallback);
