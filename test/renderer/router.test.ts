import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute } from '../../renderer/app/router';

describe('the hash router', () => {
  it('parses the three screens and round-trips a username through hrefFor', () => {
    expect(parseRoute('')).toEqual({ name: 'timeline' });
    expect(parseRoute('#/users')).toEqual({ name: 'users' });
    for (const username of ['ann', 'a.b-c_d', 'ünï', '😀', '50%']) {
      expect(parseRoute(hrefFor({ name: 'profile', username }))).toEqual({ name: 'profile', username });
    }
  });

  it('survives malformed percent-encoding, taking the name as written', () => {
    for (const raw of ['%E0%A4%A', '%', '%ZZ', '%ED%A0%80', 'ok%E0']) {
      expect(() => parseRoute(`#/u/${raw}`), raw).not.toThrow();
      expect(parseRoute(`#/u/${raw}`)).toEqual({ name: 'profile', username: raw });
    }
  });
});
