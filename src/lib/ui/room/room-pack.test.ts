import { describe, expect, it } from 'vitest';
import { fetchRoomPack } from './room-pack';

const answer = (status: number, body: string, type = 'application/json') => async () => new Response(body, { status, headers: { 'content-type': type } });

describe('fetching the room’s pack', () => {
  it('gives the text of a served pack, from the room path of this origin', async () => {
    const asked: string[] = [];
    const got = await fetchRoomPack(async (input) => {
      asked.push(String(input));
      return new Response('{"format":"sous.pack/v1"}', { status: 200, headers: { 'content-type': 'application/json' } });
    });
    expect(asked).toEqual(['/room/pack.sous-pack.json']);
    expect(got).toEqual({ kind: 'text', text: '{"format":"sous.pack/v1"}' });
  });

  it.each([
    ['a room without a pack (404)', answer(404, '{"error":{}}'), { kind: 'none' }],
    ['a server that is no room (its index page)', answer(200, '<!doctype html>', 'text/html'), { kind: 'none' }],
    ['a server error', answer(500, 'oops', 'text/plain'), { kind: 'failed', error: 'HTTP 500' }],
    ['no network', async () => Promise.reject(new TypeError('Failed to fetch')), { kind: 'failed', error: 'Failed to fetch' }]
  ])('%s', async (_name, fetchFn, expected) => {
    expect(await fetchRoomPack(fetchFn as typeof fetch)).toEqual(expected);
  });
});
