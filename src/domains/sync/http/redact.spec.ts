import { scrubSecrets } from './redact';

describe('scrubSecrets', () => {
  it('removes every occurrence of each secret, raw and URL-encoded', () => {
    const secret = 'Atza|IwEB+secret/value';
    const text = `rejected ${secret} and ${encodeURIComponent(secret)} twice ${secret}`;
    const out = scrubSecrets(text, [secret]);
    expect(out).not.toContain(secret);
    expect(out).not.toContain(encodeURIComponent(secret));
    expect(out.match(/\[redacted\]/g)).toHaveLength(3);
  });

  it('removes bearer tokens it was not told about', () => {
    expect(scrubSecrets('got Authorization: Bearer abcdef123456789', [])).toBe('got Authorization: Bearer [redacted]');
  });

  it('leaves short strings alone so ordinary words survive', () => {
    expect(scrubSecrets('the id is 12345', ['12345'])).toBe('the id is 12345');
  });
});
