import { describe, expect, it } from 'vitest';
import { clientInputSchema } from '../../src/shared/clients';
import { generateDemoBook, summariseBook } from '../../src/main/core/domain/demo-book';
import { checkClient } from '../../src/main/core/domain/kyc/client-check';

const TODAY = '2026-11-22';
const book = generateDemoBook({ clients: 2000, seed: 42, today: TODAY, managerId: 'RM1' });

describe('demo book', () => {
  it('is reproducible for a seed and differs across seeds', () => {
    expect(generateDemoBook({ clients: 50, seed: 42, today: TODAY, managerId: 'RM1' })).toEqual(book.slice(0, 50));
    expect(generateDemoBook({ clients: 50, seed: 43, today: TODAY, managerId: 'RM1' })).not.toEqual(book.slice(0, 50));
  });

  it('every record passes the contract schema and the KYC checks', () => {
    for (const { input } of book) {
      expect(() => clientInputSchema.parse(input)).not.toThrow();
      expect(checkClient(input, TODAY).issues, input.name).toEqual([]);
    }
  });

  it('ids and ID numbers are unique; referrals point to earlier clients', () => {
    const ids = new Set(book.map((b) => b.id));
    expect(ids.size).toBe(book.length);
    const idNumbers = book.map((b) => b.input.idNumber);
    expect(new Set(idNumbers).size).toBe(idNumbers.length);
    const seen = new Set<string>();
    for (const b of book) {
      if (b.input.referredBy) expect(seen.has(b.input.referredBy)).toBe(true);
      seen.add(b.id);
    }
  });

  it('value is heavy-tailed: the top fifth brings most of the positive revenue, some clients cost money', () => {
    const rev = book.map((b) => b.input.revenue12mFen ?? 0);
    const positive = rev.filter((r) => r > 0).sort((a, b) => b - a);
    const top = positive.slice(0, Math.ceil(positive.length * 0.2)).reduce((s, x) => s + x, 0);
    expect(top / positive.reduce((s, x) => s + x, 0)).toBeGreaterThan(0.6);
    expect(rev.filter((r) => r < 0).length).toBeGreaterThan(20);
  });

  it('has the mix a real book has', () => {
    const s = summariseBook(book);
    const share = (n: number) => n / s.clients;
    expect(share(s.companies)).toBeGreaterThan(0.05);
    expect(share(s.companies)).toBeLessThan(0.12);
    expect(share(s.byStatus['dormant'] ?? 0)).toBeGreaterThan(0.03);
    expect(share(s.byStatus['lost'] ?? 0)).toBeGreaterThan(0.015);
    const lunar = book.filter((b) => b.input.birthdayCalendar === 'lunar').length;
    expect(share(lunar)).toBeGreaterThan(0.15);
    const expired = book.filter((b) => b.input.idExpiry && b.input.idExpiry < TODAY).length;
    const expiring = book.filter((b) => b.input.idExpiry && b.input.idExpiry >= TODAY && b.input.idExpiry <= '2027-01-21').length;
    expect(expired).toBeGreaterThan(20);
    expect(expiring).toBeGreaterThan(20);
    const newClients = book.filter((b) => b.input.relationshipStart! > '2026-08-24').length;
    expect(newClients).toBeGreaterThan(50);
  });
});
