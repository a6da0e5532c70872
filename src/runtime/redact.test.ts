import { describe, expect, it } from 'vitest';
import { MASK, Redactor } from './redact.js';

const PEM =
  '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\nAAAAAAAAAAEAAAAzAAAAC3NzaC1lZDI1NTE5AAAAIB\n-----END OPENSSH PRIVATE KEY-----\n';

describe('Redactor (finding 2: secrets escape redaction)', () => {
  it('masks a multi-line secret printed whole, line by line, or inside JSON text', () => {
    const r = new Redactor([PEM]);
    expect(r.redact(`key:\n${PEM}`)).not.toMatch(/b3BlbnNz|AAAAAAAAAAEA/);
    for (const line of PEM.split('\n').filter(Boolean)) expect(r.redact(`log: ${line}`)).toBe(`log: ${MASK}`);
    expect(r.redact(JSON.stringify({ key: PEM }))).not.toContain('b3BlbnNz');
  });

  it('masks a secret with quotes and backslashes in plain and JSON text', () => {
    const secret = 'pa"ss\\word';
    const r = new Redactor([secret]);
    expect(r.redact(`x ${secret} y`)).toBe(`x ${MASK} y`);
    expect(r.redact(JSON.stringify({ p: secret }))).toBe(`{"p":"${MASK}"}`);
  });

  it('masks a value tree leaf by leaf: a secret inside a number never breaks the structure', () => {
    const r = new Redactor(['543']);
    const out = r.redactValue({ port: 54321, list: ['a543b', 7], nested: { '543': true, ok: 'fine' } });
    expect(out).toEqual({ port: `${MASK}21`, list: [`a${MASK}b`, 7], nested: { [MASK]: true, ok: 'fine' } });
  });

  it('leaves short values alone and knows structured secrets by their scalars', () => {
    const r = new Redactor(['ab']);
    expect(r.redact('ab cd')).toBe('ab cd');
    r.addValue({ user: 'admin-user', port: 6443 });
    expect(r.redact('admin-user on 6443')).toBe(`${MASK} on ${MASK}`);
  });
});
