import { translate } from '../shared/i18n';
import type { GreetingRow } from '../shared/greetings';
import { dayRange, parse } from './args';
import { COMMON, locale, openUnlocked } from './context';

// rmw greetings: the occasions of a period with the greeting each client would get.

export async function greetings(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...COMMON, from: { type: 'string' }, days: { type: 'string' } });
  const { from, to } = dayRange(values, 7, 366);
  const { core, call } = await openUnlocked(values);
  try {
    const rows: GreetingRow[] = [];
    for (let offset = 0; ; offset += 5000) {
      const page = await call('greetings.list', { from, to, limit: 5000, offset });
      rows.push(...page.rows);
      if (rows.length >= page.total) break;
    }
    // Excluded clients (do-not-contact, lost) are not greeted.
    const out = rows.filter((r) => r.status !== 'excluded').map((r) => ({ date: r.date, occasion: r.occasion, clientId: r.clientId, lunar: r.lunar, ...(r.age !== null ? { age: r.age } : {}), text: r.text }));
    if (values['json']) console.log(JSON.stringify(out));
    else if (out.length === 0) console.log(translate(locale, 'greetingsCli.none'));
    else for (const r of rows.filter((x) => x.status !== 'excluded')) console.log(`${r.date}  ${translate(locale, `occasionNames.${r.occasion}`)}  ${r.clientName}  ${r.text}`);
    return 0;
  } finally {
    core.dispose();
  }
}
