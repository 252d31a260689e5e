import { credentialHint, credentialValues } from './credential-hint';

describe('credentialHint', () => {
  it('shows the last four characters of the main secret only', () => {
    expect(credentialHint({ shopDomain: 'shop.myshopify.com', accessToken: 'shpat_0123456789abcdef7f3a' })).toBe('…7f3a');
    expect(credentialHint({ apiKey: 'sx-api-key-5f1c2d3e4a', accessToken: 'sx-access-token-9a8b7c6d5e' })).toBe('…6d5e');
  });

  it('falls back to the longest value when no field is known', () => {
    expect(credentialHint({ user: 'me', pass: 'a-long-password-value-9z8y' })).toBe('…9z8y');
  });

  it('shows nothing of a short secret', () => {
    expect(credentialHint({ accessToken: 'short-token' })).toBeNull();
    expect(credentialHint({})).toBeNull();
  });
});

describe('credentialValues', () => {
  it('collects nested string values', () => {
    expect(credentialValues({ a: 'x', b: { c: 'y', d: 3 }, e: ['z'] })).toEqual(['x', 'y', 'z']);
  });
});
