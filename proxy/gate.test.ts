import { describe, expect, it } from 'vitest';
import { ownHosts } from './gate';

describe('the names the proxy answers to as itself', () => {
  it.each([
    ['127.0.0.1', 5177, [], ['127.0.0.1:5177', 'localhost:5177', '[::1]:5177']],
    ['localhost', 5177, [], ['127.0.0.1:5177', 'localhost:5177', '[::1]:5177']],
    ['::1', 5177, [], ['127.0.0.1:5177', 'localhost:5177', '[::1]:5177']],
    ['0.0.0.0', 8080, ['proxy.team.example'], ['127.0.0.1:8080', 'localhost:8080', '[::1]:8080', 'proxy.team.example:8080']],
    ['10.1.2.3', 8080, ['proxy.team.example:443', '[2001:db8::1]:443'], ['10.1.2.3:8080', 'proxy.team.example:443', '[2001:db8::1]:443']],
    ['127.0.0.1', 80, [], ['127.0.0.1:80', 'localhost:80', '[::1]:80', '127.0.0.1', 'localhost', '[::1]']]
  ] as const)('bound to %s:%i with %o', (host, port, extra, expected) => {
    expect(ownHosts(host, port, extra).sort()).toEqual([...expected].sort());
  });
});
