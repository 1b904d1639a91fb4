import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalog } from '../connectors/catalog';
import { setLocale } from '../i18n';
import { actionLabel, appLabel, eventLabel, fieldHelp, fieldLabel } from './connector-words';
import { fieldsOf } from './form-model';

const catalog = createCatalog();
const HANGUL = /[\uac00-\ud7a3]/;

describe('connector words in English', () => {
  it('keep the connector’s own labels', () => {
    expect(appLabel('sandbox.mail', 'Sandbox mailbox')).toBe('Sandbox mailbox');
    expect(actionLabel('sandbox.erp', 'vendors.search', 'Search vendors')).toBe('Search vendors');
    expect(fieldLabel('query', 'Query')).toBe('Query');
  });
});

describe('connector words in Korean', () => {
  beforeAll(() => setLocale('ko'));
  afterAll(() => setLocale('en'));

  it('names the built-in apps, actions, events and fields in Korean', () => {
    expect(appLabel('sandbox.mail', 'Sandbox mailbox')).toBe('샌드박스 메일함');
    expect(actionLabel('sandbox.erp', 'vendors.search', 'Search vendors')).toBe('거래처 검색');
    expect(eventLabel('sandbox.mail', 'mail.received', 'A mail arrived')).toBe('메일이 도착함');
    expect(fieldLabel('from_email', 'From email')).toBe('From email');
    expect(fieldsOf(catalog.inputSchema('tables', 'lookup')).map((f) => [f.label, f.description])).toEqual([
      ['테이블', '테이블 페이지에 나오는 테이블 이름'],
      ['열', '테이블의 열'],
      ['값', '열의 값이 이 값과 같아야 합니다']
    ]);
  });

  it('keeps an imported connector’s words as its author wrote them', () => {
    expect(appLabel('petstore', 'Pet store')).toBe('Pet store');
    expect(actionLabel('petstore', 'pets.list', 'List pets')).toBe('List pets');
    expect(actionLabel('sandbox', 'erp', 'A group, not a word')).toBe('A group, not a word');
    expect(fieldHelp('Your own help')).toBe('Your own help');
  });

  // A connector added to the studio without its Korean words fails here, not in front of a person.
  for (const connector of catalog.connectors()) {
    it(`${connector.id}: every app, action and event has a Korean word`, () => {
      const missing: string[] = [];
      const korean = (text: string, english: string) => HANGUL.test(text) || /^[A-Z]+$/.test(english);
      if (!korean(appLabel(connector.id, connector.label), connector.label)) missing.push(connector.id);
      for (const [name, action] of Object.entries(connector.actions)) if (!korean(actionLabel(connector.id, name, action.label), action.label)) missing.push(name);
      for (const [name, event] of Object.entries(connector.events ?? {})) if (!korean(eventLabel(connector.id, name, event.label), event.label)) missing.push(name);
      expect(missing).toEqual([]);
    });
  }
});
