import { describe, expect, it } from 'vitest';
import { generateDemoBook } from '../../../src/main/core/domain/demo-book';
import { generateDemoContacts } from '../../../src/main/core/domain/demo-contacts';
import { isProactive, trailingFailures } from '../../../src/main/core/domain/followups/rules';

const TODAY = '2026-11-22';
const book = generateDemoBook({ clients: 600, seed: 5, today: TODAY, managerId: 'RM1' });
const contacts = generateDemoContacts(book, 3000, 5, TODAY);

describe('demo contact history', () => {
  it('has exactly the count asked, sorted, within the year before today, reproducible', () => {
    expect(contacts).toHaveLength(3000);
    expect(contacts.map((c) => c.at)).toEqual([...contacts.map((c) => c.at)].sort());
    expect(contacts[0]!.at >= new Date(2025, 10, 22).toISOString()).toBe(true);
    // Nothing on today itself: the demo's clock may stand at any hour of it.
    expect(contacts.at(-1)!.at < new Date(2026, 10, 22).toISOString()).toBe(true);
    expect(generateDemoContacts(book, 3000, 5, TODAY)).toEqual(contacts);
  });

  it('honours opt-outs and do-not-contact, and leaves lost clients and prospects alone', () => {
    const byId = new Map(book.map((c) => [c.id, c.input]));
    for (const c of contacts) {
      const client = byId.get(c.clientId)!;
      if (client.optOutMarketing) expect(c.purpose).not.toBe('marketing');
      if (client.doNotContact) expect(isProactive(c.direction, c.purpose)).toBe(false);
      expect(['lost', 'prospect']).not.toContain(client.status);
    }
  });

  it('reaches about two clients in three, and no history ends in three failures', () => {
    const reached = contacts.filter((c) => c.outcome === 'reached' || c.outcome === 'meeting_held').length / contacts.length;
    expect(reached).toBeGreaterThan(0.6);
    expect(reached).toBeLessThan(0.9);
    const byClient = new Map<string, typeof contacts>();
    for (const c of contacts) byClient.set(c.clientId, [...(byClient.get(c.clientId) ?? []), c]);
    for (const list of byClient.values()) expect(trailingFailures(list.map((c) => c.outcome))).toBeLessThan(3);
  });

  it('sees the clients who bring more value more often', () => {
    const count = new Map<string, number>();
    for (const c of contacts) count.set(c.clientId, (count.get(c.clientId) ?? 0) + 1);
    const active = book.filter((c) => c.input.status === 'active' || c.input.status === 'dormant').sort((a, b) => (b.input.revenue12mFen ?? 0) - (a.input.revenue12mFen ?? 0));
    const top = active.slice(0, 50).reduce((a, c) => a + (count.get(c.id) ?? 0), 0);
    const bottom = active.slice(-50).reduce((a, c) => a + (count.get(c.id) ?? 0), 0);
    expect(top).toBeGreaterThan(bottom * 3);
  });
});
