import { describe, expect, it } from 'vitest';
import { parseSender } from './mail-address';
import { withSender } from './mail-schemas';

describe('parseSender: a sender split into name and email', () => {
  it.each([
    ['Bluefin Paper <ap@bluefin.example>', 'Bluefin Paper', 'ap@bluefin.example'],
    ['"Bluefin Paper" <ap@bluefin.example>', 'Bluefin Paper', 'ap@bluefin.example'],
    ['"Kim, Dana" <dana@sous-demo.example>', 'Kim, Dana', 'dana@sous-demo.example'],
    ['Kim, Dana <dana@sous-demo.example>', 'Kim, Dana', 'dana@sous-demo.example'],
    ['"Dana \\"DK\\" Kim" <dana@sous-demo.example>', 'Dana "DK" Kim', 'dana@sous-demo.example'],
    ['"Sales <EU>" <eu@acme.example>', 'Sales <EU>', 'eu@acme.example'],
    ['Quill & Co <billing@quill.test>', 'Quill & Co', 'billing@quill.test'],
    ['Globex Logistics GmbH <rechnung@globex.example>', 'Globex Logistics GmbH', 'rechnung@globex.example'],
    ['  Bluefin   Paper   <  ap@bluefin.example  >  ', 'Bluefin Paper', 'ap@bluefin.example'],
    ['ap@bluefin.example', '', 'ap@bluefin.example'],
    ['<ap@bluefin.example>', '', 'ap@bluefin.example'],
    ['ap@bluefin.example (Bluefin Paper)', 'Bluefin Paper', 'ap@bluefin.example'],
    ['<ap@bluefin.example> Bluefin Paper', 'Bluefin Paper', 'ap@bluefin.example'],
    ['Dana Kim dana@sous-demo.example', 'Dana Kim', 'dana@sous-demo.example'],
    ['Bluefin Paper <ap@bluefin.example', 'Bluefin Paper', 'ap@bluefin.example'],
    ['홍길동 <gildong@hanbit.example>', '홍길동', 'gildong@hanbit.example'],
    ['"한빛전자 경리팀" <ar@hanbit.example>', '한빛전자 경리팀', 'ar@hanbit.example'],
    ['=?UTF-8?B?7ZmN6ri464+Z?= <gildong@hanbit.example>', '홍길동', 'gildong@hanbit.example'],
    ['=?utf-8?Q?M=C3=BCller_AG?= <info@mueller.example>', 'Müller AG', 'info@mueller.example'],
    ['Dana Kim (Finance) <dana@sous-demo.example>', 'Dana Kim (Finance)', 'dana@sous-demo.example']
  ])('%j → name %j, email %j', (from, name, email) => {
    expect(parseSender(from)).toEqual({ from_name: name, from_email: email });
  });

  it.each([
    ['Bluefin Paper', 'Bluefin Paper', 'the sender "Bluefin Paper" has no email address'],
    ['Bluefin Paper <not an address>', 'Bluefin Paper', 'the sender "Bluefin Paper <not an address>" has no email address'],
    ['@@@', '@@@', 'the sender "@@@" has no email address'],
    ['', '', 'the mail has no sender'],
    ['   ', '', 'the mail has no sender'],
    ['=?x-unknown?B?AAAA?= <>', '=?x-unknown?B?AAAA?=', 'the sender "=?x-unknown?B?AAAA?= <>" has no email address']
  ])('%j has no email: name %j and the problem in plain words', (from, name, problem) => {
    expect(parseSender(from)).toEqual({ from_name: name, from_email: '', from_problem: problem });
  });
});

describe('withSender: messages stored before the split still read', () => {
  const old = { id: 'm', folder: 'inbox' as const, from: 'Bluefin Paper <ap@bluefin.example>', to: 'ap@sous-demo.example', subject: 's', body: '', received_at: '2026-01-01T00:00:00.000Z', attachments: [] };

  it('derives the fields of a row that lacks them', () => {
    expect(withSender(old)).toEqual({ ...old, from_name: 'Bluefin Paper', from_email: 'ap@bluefin.example' });
  });

  it('keeps the fields of a row that has them', () => {
    const stored = { ...old, from_name: 'Bluefin', from_email: 'ap@bluefin.example' };
    expect(withSender(stored)).toBe(stored);
  });
});
