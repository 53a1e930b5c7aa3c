/** storage.local for trusted contexts only, where the browser allows it (utils/settings/storage-access.ts). */
import { describe, expect, it, vi } from 'vitest';
import { restrictToTrustedContexts } from '../../utils/settings/storage-access';

describe('restricting storage.local to trusted contexts', () => {
  it('asks the browser for TRUSTED_CONTEXTS where it can (Chrome)', async () => {
    const setAccessLevel = vi.fn(async () => {});
    expect(await restrictToTrustedContexts({ setAccessLevel })).toEqual({ restricted: true });
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });

  it('says why not where the browser has no such thing for local storage (Firefox), or refuses it (older Chrome)', async () => {
    expect(await restrictToTrustedContexts({})).toEqual({
      restricted: false,
      reason: expect.stringContaining('setAccessLevel is missing'),
    });
    const refusing = { setAccessLevel: () => Promise.reject(new Error('Only storage.session supports this.')) };
    expect(await restrictToTrustedContexts(refusing)).toEqual({ restricted: false, reason: 'Only storage.session supports this.' });
    const throwing = {
      setAccessLevel: () => {
        throw new TypeError('Invalid invocation');
      },
    };
    expect(await restrictToTrustedContexts(throwing)).toEqual({ restricted: false, reason: 'Invalid invocation' });
  });
});
