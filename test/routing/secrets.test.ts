import { describe, expect, it } from 'vitest';
import { looksLikePassword } from '../../src/routing/secrets.js';

describe('passwords are never accepted into a report', () => {
  it.each([
    'password: hunter2',
    'Password=hunter2',
    'pw=Summer2024!',
    'PWD: x9x9x9',
    'my password is hunter2',
    'My password was Tr0ub4dor&3 before I changed it',
    'the passcode is 4471',
    'PIN: 1234',
    'I typed password "correcthorse" into the site',
    'login jdoe, passwd = abc',
  ])('refuses %j', (text) => {
    expect(looksLikePassword(text)).toBe(true);
  });

  it.each([
    'My password was phished by a fake login page',
    'I think my password is compromised',
    'password is not working since Monday',
    'Someone saw my password written on a sticky note',
    'Reset my password please',
    'The password policy requires 12 characters',
    'my password was disclosed to a caller pretending to be IT',
    'The printer in records is jammed',
  ])('accepts %j', (text) => {
    expect(looksLikePassword(text)).toBe(false);
  });
});
