import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { AppError } from '../shared/errors';
import { translate } from '../shared/i18n';
import { parse, UsageError } from './args';
import { COMMON, locale, openUnlocked } from './context';

// rmw import / clients / demo: the client book from a terminal.

export async function importFile(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { ...COMMON, 'dry-run': { type: 'boolean' }, strict: { type: 'boolean' }, 'on-duplicate': { type: 'string' } });
  const file = positionals[0];
  if (!file) throw new UsageError('cli.missingOption', { option: 'FILE' });
  const onDuplicate = (values['on-duplicate'] as string | undefined) ?? 'skip';
  if (onDuplicate !== 'skip' && onDuplicate !== 'merge') throw new UsageError('cli.badOnDuplicate');
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolve(file));
  } catch {
    throw new AppError('IMPORT_FILE', { field: basename(file), reason: 'FILE_UNREADABLE' });
  }
  const { core, call } = await openUnlocked(values);
  try {
    const fileInput = { fileName: basename(file), contentBase64: bytes.toString('base64') };
    const preview = await call('import.preview', fileInput);
    if (preview.missingRequired.length) throw new AppError('IMPORT_FILE', { field: preview.missingRequired[0], reason: 'COLUMN_MISSING' });
    const errors = preview.errors.map((e) => ({ row: e.row, field: e.field, reason: translate(locale, `fieldCodes.${e.code}`) === `fieldCodes.${e.code}` ? e.code : translate(locale, `fieldCodes.${e.code}`) }));
    let out: { imported: number; merged: number; skipped: number; errors: typeof errors };
    if (values['dry-run']) {
      out = { imported: 0, merged: 0, skipped: 0, errors };
    } else {
      const r = await call('import.commit', { ...fileInput, onDuplicate, strict: !!values['strict'] });
      out = { imported: r.imported, merged: r.merged, skipped: r.skipped, errors };
    }
    if (values['json']) console.log(JSON.stringify(out));
    else {
      console.log(translate(locale, 'cli.imported', { imported: out.imported, merged: out.merged, skipped: out.skipped, invalid: errors.length }));
      for (const e of errors) console.log(translate(locale, 'cli.rowError', { row: e.row, field: e.field, reason: e.reason }));
    }
    return 0;
  } finally {
    core.dispose();
  }
}

export async function listClients(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...COMMON, search: { type: 'string' } });
  const { core, call } = await openUnlocked(values);
  try {
    const rows = [];
    for (let offset = 0; ; offset += 5000) {
      const page = await call('clients.list', { query: values['search'] as string | undefined, sort: 'name', order: 'asc', limit: 5000, offset });
      rows.push(...page.rows);
      if (rows.length >= page.total || page.rows.length === 0) break;
    }
    const out = rows.map((r) => ({ id: r.id, clientNo: r.clientNo, name: r.name, kind: r.kind, tags: r.tags, aum: r.aumFen / 100, revenue12m: r.revenue12mFen / 100, status: r.status }));
    if (values['json']) console.log(JSON.stringify(out));
    else for (const r of out) console.log([r.clientNo ?? '-', r.name, r.kind, r.status, r.aum.toFixed(2), r.revenue12m.toFixed(2), r.tags.join(';')].join('\t'));
    return 0;
  } finally {
    core.dispose();
  }
}

export async function demo(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...COMMON, clients: { type: 'string' }, seed: { type: 'string' }, contacts: { type: 'string' } });
  const clients = Number(values['clients'] ?? 500);
  const seed = Number(values['seed'] ?? 1);
  const contacts = values['contacts'] === undefined ? undefined : Number(values['contacts']);
  if (!Number.isInteger(clients) || clients < 1 || !Number.isInteger(seed) || seed < 0 || (contacts !== undefined && (!Number.isInteger(contacts) || contacts < 0))) throw new UsageError('cli.badNumber');
  const { core, call } = await openUnlocked(values);
  try {
    const r = await call('demo.load', { clients, seed, contacts });
    console.log(values['json'] ? JSON.stringify(r) : translate(locale, 'cli.demoLoaded', { count: r.created }));
    return 0;
  } finally {
    core.dispose();
  }
}

export async function segment(argv: string[]): Promise<number> {
  const { values } = parse(argv, { ...COMMON, metric: { type: 'string' } });
  const metric = (values['metric'] as string | undefined) ?? 'revenue';
  if (!['revenue', 'aum', 'deposits'].includes(metric)) throw new UsageError('cli.badMetric');
  const { core, call } = await openUnlocked(values);
  try {
    const r = await call('segments.summary', { metric: metric as 'revenue' | 'aum' | 'deposits' });
    const yuan = (fen: number) => fen / 100;
    const out = {
      metric: r.metric,
      clients: r.clients,
      totalValue: yuan(r.totalValueFen),
      shareOfClientsFor80Percent: r.shareOfClientsFor80Percent,
      gini: r.gini,
      tiers: Object.fromEntries(Object.entries(r.tiers).map(([t, v]) => [t, { clients: v.clients, value: yuan(v.valueFen), share: v.share }])),
      quadrants: r.quadrants,
      bands: Object.fromEntries(Object.entries(r.bands).map(([b, v]) => [b, v.clients])),
      states: r.states,
      costClients: r.costClients,
      optedOutOfAutomated: r.optedOutOfAutomated,
    };
    if (values['json']) console.log(JSON.stringify(out));
    else {
      console.log(translate(locale, 'cli.segmentHead', { clients: out.clients, share: (out.shareOfClientsFor80Percent * 100).toFixed(1), gini: out.gini.toFixed(3) }));
      for (const [t, v] of Object.entries(out.tiers)) console.log(`${t}\t${v.clients}\t${v.value.toFixed(2)}\t${(v.share * 100).toFixed(1)}%`);
    }
    return 0;
  } finally {
    core.dispose();
  }
}
