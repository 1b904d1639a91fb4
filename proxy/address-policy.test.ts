import { describe, expect, it } from 'vitest';
import { createAddressPolicy, parseAllowlist } from './address-policy';

const policy = createAddressPolicy();

describe('the address policy refuses every special range, in every IPv6 disguise', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.5.4', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.0.1', 'private'],
    ['169.254.1.1', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.127.255.255', 'carrierGradeNat'],
    ['224.0.0.251', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.10', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['169.254.169.254', 'cloudMetadata'],
    ['100.100.100.200', 'cloudMetadata'],
    ['fd00:ec2::254', 'cloudMetadata'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fe80::1%eth0', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456:789a::1', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['100::1', 'discard'],
    ['fec0::1', 'deprecatedSiteLocal'],
    ['::ffff:127.0.0.1', 'ipv4Mapped(loopback)'],
    ['::ffff:7f00:1', 'ipv4Mapped(loopback)'],
    ['::ffff:10.0.0.1', 'ipv4Mapped(private)'],
    ['::ffff:169.254.169.254', 'cloudMetadata'],
    ['::7f00:1', 'ipv4Compatible'],
    ['::ffff:0:7f00:1', 'rfc6145(loopback)'],
    ['64:ff9b::7f00:1', 'rfc6052(loopback)'],
    ['64:ff9b::a00:1', 'rfc6052(private)'],
    ['64:ff9b:1::1', 'rfc6052'],
    ['2002:7f00:1::', '6to4(loopback)'],
    ['2002:c0a8:101::1', '6to4(private)'],
    ['2002:a9fe:a9fe::', 'cloudMetadata'],
    // Teredo: server 65.54.227.120, client stored inverted: ~80ff:fffe = 127.0.0.1
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'teredo(loopback)'],
    ['not an address', 'invalid']
  ])('%s is refused as %s', (address, range) => {
    expect(policy.check(address)).toEqual({ allowed: false, range });
  });

  it.each(['8.8.8.8', '93.184.216.34', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '2002:808:808::1', '64:ff9b::808:808'])(
    'public unicast %s is allowed',
    (address) => {
      expect(policy.check(address)).toEqual({ allowed: true });
    }
  );
});

describe('the allowlist opens named hosts and ranges, never cloud metadata', () => {
  const open = createAddressPolicy({ allow: ['erp.corp.example', '*.intra.example', '10.20.0.0/16', '192.168.1.7', 'fd00:1::/32', '169.254.0.0/16'] });

  it.each([
    ['10.20.3.4', undefined],
    ['::ffff:10.20.3.4', undefined],
    ['192.168.1.7', undefined],
    ['fd00:1::5', undefined],
    ['127.0.0.1', 'erp.corp.example'],
    ['127.0.0.1', 'ERP.corp.example.'],
    ['10.9.9.9', 'hr.intra.example'],
    ['169.254.10.10', undefined]
  ])('%s (host %s) is opened', (address, host) => {
    expect(open.check(address, host)).toEqual({ allowed: true });
  });

  it.each([
    ['10.21.0.1', undefined],
    ['192.168.1.8', undefined],
    ['127.0.0.1', 'erp.corp.example.evil.test'],
    ['127.0.0.1', 'intra.example'],
    ['169.254.169.254', undefined],
    ['169.254.169.254', 'erp.corp.example'],
    ['fd00:ec2::254', 'erp.corp.example']
  ])('%s (host %s) stays refused', (address, host) => {
    expect(open.check(address, host).allowed).toBe(false);
  });

  it.each(['10.0.0.0/33', 'not a host!', 'http://x/', '::1/200'])('refuses the allowlist entry %s', (entry) => {
    expect(() => parseAllowlist([entry])).toThrow(/allowlist entry/);
  });
});
