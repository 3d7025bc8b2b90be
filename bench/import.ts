// Import of a branch-sized HQ extract: a 100,000-row CSV (GBK, as HQ's systems write it) through the
// real channel (the built core in its worker thread, as the app runs it) into an empty workspace,
// against a bare prepared-statement insert loop of the same rows into the same table (same indexes
// and triggers) of another empty workspace.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { Core } from '../src/main/core/core';
import { createRouter } from '../src/main/core/router';
import { generateDemoBook } from '../src/main/core/domain/demo-book';
import { searchColumns } from '../src/main/core/services/client-search';
import type { ClientInput } from '../src/shared/clients';
import { decodeResult } from '../src/shared/wire';
import type { ImportResult } from '../src/shared/import';
import type { Result } from '../src/shared/errors';
import { BENCH_NOW, BENCH_SEED, median, row, type Row } from './lib';
import { startCoreWorker } from './core-worker';

const HEADERS = ['客户编号', '姓名', '客户类型', '性别', '出生日期', '证件类型', '证件号码', '证件有效期', '手机号码', '电子邮箱', '职业', '金融资产', '存款余额', '贷款余额', '近12个月信用卡消费', '近12个月综合贡献', '持有产品', '风险等级', '建立关系日期', '标签', '潜力评级'];
const ID_TYPE_ZH: Record<string, string> = { resident_id: '居民身份证', passport: '护照', hk_macao_permit: '港澳居民来往内地通行证', military_officer: '军官证', uscc: '统一社会信用代码' };
const RISK_ZH: Record<string, string> = { high: '高', medium_high: '中高', medium: '中', medium_low: '中低', low: '低' };
const yuan = (fen: number | undefined) => (fen === undefined ? '' : (fen / 100).toFixed(2));
const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export interface ImportBook {
  clients: ClientInput[];
  /** The CSV file as HQ sends it: GBK, CRLF. */
  csv: Buffer;
}

export function importBook(rows: number): ImportBook {
  const today = BENCH_NOW.toISOString().slice(0, 10);
  const clients = generateDemoBook({ clients: rows, seed: BENCH_SEED + 1, today, managerId: 'BENCH02' }).map((c, i) => ({ ...c.input, clientNo: `C${String(i + 1).padStart(9, '0')}` }));
  const lines = [HEADERS.join(',')];
  for (const c of clients) {
    lines.push(
      [
        c.clientNo ?? '',
        c.name,
        c.kind === 'company' ? '企业' : '个人',
        c.sex === 'M' ? '男' : c.sex === 'F' ? '女' : '',
        c.birthDate ?? '',
        c.idType ? ID_TYPE_ZH[c.idType]! : '',
        c.idNumber ?? '',
        c.idLongTerm ? '长期' : (c.idExpiry ?? ''),
        c.mobile ?? '',
        c.email ?? '',
        c.occupation ?? '',
        yuan(c.aumFen),
        yuan(c.depositsFen),
        yuan(c.loanBalanceFen),
        yuan(c.cardSpend12mFen),
        yuan(c.revenue12mFen),
        (c.products ?? []).join(';'),
        c.riskGrade ? RISK_ZH[c.riskGrade]! : '',
        c.relationshipStart ?? '',
        (c.tags ?? []).join(';'),
        c.potential ? String(c.potential) : '',
      ]
        .map(cell)
        .join(','),
    );
  }
  return { clients, csv: iconv.encode(`${lines.join('\r\n')}\r\n`, 'gbk') };
}

async function emptyWorkspace(): Promise<{ core: Core; router: ReturnType<typeof createRouter>; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'rmw-bench-import-'));
  const core = new Core({ workspaceDir: dir, now: () => BENCH_NOW, scryptN: 2 ** 12 });
  const router = createRouter(core);
  const r = await router.handle('workspace.create', { managerId: 'BENCH02', displayName: '导入基准', passphrase: 'Bench-Import-2026' });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return { core, router, dir };
}

const BARE_COLUMNS = ['id', 'client_no', 'name', 'kind', 'sex', 'birth_date', 'id_type', 'id_number', 'id_expiry', 'id_long_term', 'mobile', 'email', 'occupation', 'aum_fen', 'deposits_fen', 'loan_balance_fen', 'card_spend_12m_fen', 'revenue_12m_fen', 'products', 'risk_grade', 'relationship_start', 'tags', 'potential', 'search_name', 'search_keys', 'created_at', 'updated_at', 'rev'];

/** The same clients as ready-made column values (prepared before the clock starts). */
function bareRows(clients: readonly ClientInput[]): unknown[][] {
  const now = BENCH_NOW.toISOString();
  return clients.map((c, i) => {
    const k = searchColumns(c);
    const id = `0190${String(i).padStart(8, '0')}-0000-7000-8000-000000000000`.slice(0, 36);
    return [id, c.clientNo ?? null, c.name, c.kind, c.sex ?? null, c.birthDate ?? null, c.idType ?? null, c.idNumber ?? null, c.idExpiry ?? null, c.idLongTerm ? 1 : 0, c.mobile ?? null, c.email ?? null, c.occupation ?? null, c.aumFen ?? 0, c.depositsFen ?? 0, c.loanBalanceFen ?? 0, c.cardSpend12mFen ?? 0, c.revenue12mFen ?? 0, JSON.stringify(c.products ?? []), c.riskGrade ?? null, c.relationshipStart ?? null, JSON.stringify(c.tags ?? []), c.potential ?? null, k.searchName, k.searchKeys, now, now, 1];
  });
}

export async function benchImport(opts: { rows: number; runs: number; log(m: string): void }): Promise<Row[]> {
  // The harness keeps its own data as flat strings between runs: 100,000 client objects and their
  // baseline rows held as objects made every collection during the measured import trace them
  // (the app's import runs in a worker whose heap holds none of this).
  const { contentBase64, bareJson, mib } = (() => {
    const book = importBook(opts.rows);
    return { contentBase64: book.csv.toString('base64'), bareJson: JSON.stringify(bareRows(book.clients)), mib: book.csv.length / 2 ** 20 };
  })();
  opts.log(`import: ${opts.rows}-row CSV, ${mib.toFixed(1)} MiB (GBK)`);
  const subject: number[] = [];
  const baseline: number[] = [];
  let imported = 0;
  for (let i = 0; i < opts.runs; i++) {
    // Baseline and subject alternate, each into an empty workspace of its own.
    {
      const bare = JSON.parse(bareJson) as unknown[][];
      const w = await emptyWorkspace();
      const db = w.core.workspace.requireSession().db;
      const insert = db.prepare(`INSERT INTO clients (${BARE_COLUMNS.join(', ')}) VALUES (${BARE_COLUMNS.map(() => '?').join(', ')})`);
      const start = performance.now();
      db.transaction(() => {
        for (const r of bare) insert.run(...r);
      })();
      baseline.push(performance.now() - start);
      w.core.dispose();
      rmSync(w.dir, { recursive: true, force: true });
    }
    {
      // Through the channel the app uses: the core in its worker thread, the file sent as the
      // renderer sends it (base64), the reply waited for.
      const dir = mkdtempSync(join(tmpdir(), 'rmw-bench-import-'));
      const { worker, invoke } = startCoreWorker(dir);
      const created = decodeResult(await invoke('workspace.create', { managerId: 'BENCH02', displayName: '导入基准', passphrase: 'Bench-Import-2026' })) as Result<unknown>;
      if (!created.ok) throw new Error(JSON.stringify(created.error));
      const start = performance.now();
      const r = decodeResult(await invoke('import.commit', { fileName: 'hq-extract.csv', contentBase64, onDuplicate: 'merge' })) as Result<ImportResult>;
      subject.push(performance.now() - start);
      if (!r.ok) throw new Error(`import.commit: ${JSON.stringify(r.error)}`);
      imported = r.data.imported;
      if (r.data.invalid > 0) opts.log(`import: ${r.data.invalid} rows refused (${JSON.stringify(r.data.errors.slice(0, 3))})`);
      await worker.terminate();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const ms = median(subject);
  const baseMs = median(baseline);
  return [
    row(`import ${opts.rows}-row CSV (GBK) into an empty book: check + commit`, ms, 'bare prepared-statement INSERT loop of the same rows, same table, one transaction', baseMs, 2, {
      extra: { rows_per_s: Math.round((imported / ms) * 1000), imported, baseline_rows_per_s: Math.round((opts.rows / baseMs) * 1000) },
    }),
  ];
}
