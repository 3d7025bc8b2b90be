import { translate, type LocaleKey } from '../shared/i18n';

// Messages of the head-office `hq` tool, zh-CN and English. Kept apart from the workbench's
// i18n resources (HQ staff never see the app); field names and row-error reasons of an
// extract are the import's own words, read from the shared resources.

export type HqLocale = LocaleKey;

/** Language from RMW_LANG, else LANG, as `rmw` chooses it (src/cli/context.ts). */
export function hqLocaleFrom(env: NodeJS.ProcessEnv = process.env): HqLocale {
  return /^en/i.test(env['RMW_LANG'] ?? env['LANG'] ?? '') ? 'en' : 'zh-CN';
}

const en = {
  usage: [
    'usage:',
    '  hq keygen --out DIR',
    '  hq roster build --keys DIR --manager ID --device-key FILE --from EXTRACT.csv|xlsx',
    '                  [--ingest DIR | --ack-through SEQ --audit-ack-hash HEX] --out FILE [--today YYYY-MM-DD]',
    '  hq ingest --keys DIR --devices DIR --out DIR [--now ISO] FILES…',
    '  hq recover --keys DIR --workspace DIR   (new passphrase from RMW_NEW_PASSPHRASE, or asked twice)',
  ].join('\n'),
  unknownCommand: 'unknown command: {{command}}',
  missingOption: 'missing option {{option}}',
  badOption: 'invalid arguments: {{reason}}',
  badToday: '--today must be an existing date, YYYY-MM-DD',
  badNow: '--now must be an ISO date-time, e.g. 2026-11-27T09:00:00+08:00',
  internal: 'unexpected error (set RMW_DEBUG=1 for details)',
  ioError: 'cannot read or write {{file}} ({{code}})',

  'keygen.exists': '{{file}} already exists: HQ keys are never overwritten (move the old keys away first if you really mean to replace them)',
  'keygen.done': 'HQ key pair written: {{public}} (give to managers) and {{secret}} (keep secret, mode 0600)\nfingerprint {{fingerprint}}',

  'keys.missing': 'HQ key file {{file}} not found: run `hq keygen --out {{dir}}` first',
  'keys.invalid': 'HQ key file {{file}} is not usable ({{reason}})',
  'keys.mismatch': 'hq-public.asc and hq-secret.asc in {{dir}} are not the same key pair',

  'manager.invalid': 'manager ID "{{manager}}" is not valid (2–32 letters, digits, _ . -)',
  'device.unreadable': 'cannot read device key file {{file}}',
  'device.invalid': '{{file}} is not a usable device public key ({{reason}})',
  'device.notDevice': '{{file}} is not an RM Workbench device key: its user ID names no manager and device',
  'device.wrongManager': 'device key {{file}} was issued to manager {{keyManager}}, not to {{manager}}: refusing to build a roster for {{manager}} encrypted to it',

  'extract.unreadable': 'cannot read the extract {{file}}: {{reason}}',
  'extract.rowErrors': 'extract {{file}} refused: {{count}} problem(s); nothing was written. Fix these rows and build again:',
  'extract.rowError': '  row {{row}} · {{field}} · {{reason}}',
  'extract.headerDuplicate': 'the header "{{header}}" names a field an earlier column already holds',
  'extract.noRows': 'the extract {{file}} holds no client rows: refusing to take the whole book away from {{manager}}',
  'extract.unusedColumns': 'note: columns not used: {{headers}}',
  'reason.clientNoMissing': 'client number missing (rosters are keyed by the core-banking client number)',
  'reason.clientNoDuplicate': 'client number {{clientNo}} already in row {{other}}',
  'reason.extraCells': 'more cells than the header has columns (an unquoted comma?)',
  'reason.notRosterField': 'value not accepted in a roster ({{code}})',

  'roster.outExists': '{{file}} already exists: refusing to overwrite it',
  'roster.stateInvalid': 'the roster record {{file}} is damaged ({{reason}}): restore it before building another roster for this manager',
  'roster.ackOptions': 'give either --ingest DIR, or both --ack-through SEQ and --audit-ack-hash HEX',
  'roster.badAckSeq': '--ack-through must be a whole number ≥ 0',
  'roster.badAckHash': '--audit-ack-hash must be 64 hex digits (a SHA-256)',
  'roster.noReceipts': 'no receipts.ndjson in {{dir}}: is that the output folder of `hq ingest`?',
  'roster.done':
    '{{file}}: roster {{rosterSeq}} for {{manager}} — {{assigned}} assigned, {{updated}} updated, {{unassigned}} unassigned; acknowledges journal through {{ackSeq}}, audit head {{ackHash}}',

  'ingest.noFiles': 'no export files given',
  'ingest.fileUnreadable': 'cannot read {{file}}: nothing was ingested',
  'ingest.noDevices': 'no device keys (*.asc) in {{dir}}',
  'ingest.deviceKeyBad': '{{file}} in the devices folder is not an RM Workbench device public key ({{reason}})',
  'ingest.outCorrupt': '{{file}}, line {{line}}, cannot be read: the output folder is damaged; restore it before ingesting again',
  'ingest.accepted': '{{file}}: accepted {{records}} records ({{newRecords}} new), {{audit}} audit entries ({{newAudit}} new); {{manager}} journal {{fromSeq}}–{{toSeq}}',
  'ingest.skipped': '{{file}}: skipped (already ingested)',
  'ingest.refused': '{{file}}: refused: {{reason}}',
  'ingest.summary': '{{accepted}} accepted, {{skipped}} skipped, {{refused}} refused; output in {{dir}}',
  'recover.noWorkspace': 'no workspace in {{dir}} (workspace.json not found)',
  'recover.workspaceCorrupt': 'the workspace file in {{dir}} is damaged ({{reason}}): nothing was changed',
  'recover.noEscrow': 'the workspace in {{dir}} (manager {{manager}}) has no escrow wrap: HQ\'s key was never installed there, so it cannot be recovered',
  'recover.noDatabase': 'database {{file}} not found: nothing was changed',
  'recover.otherKey': 'the escrow wrap is for HQ key {{recipient}}, not for the key in --keys ({{fingerprint}})',
  'recover.escrowBad': 'the escrow wrap cannot be opened ({{reason}}): nothing was changed',
  'recover.keyDoesNotOpen': 'the escrowed key does not open {{file}}: nothing was changed',
  'recover.mismatch': 'the two passphrases differ: nothing was changed',
  'recover.needPassphrase': 'give the new passphrase in RMW_NEW_PASSPHRASE or run on a terminal',
  'recover.done': 'workspace {{workspaceId}} (manager {{manager}}): new passphrase set with HQ key {{fingerprint}}. The reset is audited in the workspace at the next unlock; HQ record: {{log}}',

  'refusal.EMPTY': 'the file is empty',
  'refusal.NOT_OPENPGP': 'not an OpenPGP file',
  'refusal.NOT_ENCRYPTED': 'not encrypted',
  'refusal.NOT_FOR_THIS_KEY': 'not encrypted to this HQ key',
  'refusal.CORRUPT': 'damaged in transit (cannot be decrypted)',
  'refusal.TOO_LARGE': 'too large once decompressed',
  'refusal.UNSIGNED': 'not signed',
  'refusal.UNKNOWN_SIGNER': 'signed by a key that is not an enrolled device',
  'refusal.BAD_SIGNATURE': 'the signature does not match the content (altered after signing)',
  'refusal.DEVICE_KEY_INVALID': 'the enrolled device key is no longer usable (expired or revoked)',
  'refusal.MALFORMED': 'the content is not JSON Lines',
  'refusal.UNKNOWN_FORMAT': 'not an RM Workbench export',
  'refusal.UNKNOWN_VERSION': 'made by a newer version of the workbench',
  'refusal.INVALID_MANIFEST': 'the manifest is invalid',
  'refusal.INVALID_RECORD': 'a record is invalid',
  'refusal.INVALID_AUDIT': 'an audit entry is invalid',
  'refusal.COUNTS_MISMATCH': 'the counts in the manifest do not match the content',
  'refusal.AUDIT_BROKEN': 'the audit segment in the file is broken (an entry was altered)',
  'refusal.FINGERPRINT_MISMATCH': 'the manifest names another device key than the one that signed',
  'refusal.DEVICE_MISMATCH': 'the manifest names another manager or device than the signing key was issued to',
  'refusal.JOURNAL_GAP': 'the file starts after journal seq {{fromSeq}} but HQ holds this device only up to {{held}}: an earlier export is missing',
  'refusal.AUDIT_GAP': 'the audit segment starts after seq {{auditFromSeq}} but HQ holds this device only up to {{held}}: an earlier export is missing',
  'refusal.AUDIT_CHAIN_BROKEN': 'audit entry {{seq}} differs from what HQ already holds for this device: the audit trail was altered on the device',
} as const;

export type HqMessageKey = keyof typeof en;

const zhCN: Record<HqMessageKey, string> = {
  usage: [
    '用法：',
    '  hq keygen --out 目录',
    '  hq roster build --keys 目录 --manager 客户经理号 --device-key 文件 --from 名单.csv|xlsx',
    '                  [--ingest 目录 | --ack-through 序号 --audit-ack-hash 哈希] --out 文件 [--today YYYY-MM-DD]',
    '  hq ingest --keys 目录 --devices 目录 --out 目录 [--now ISO时间] 文件…',
    '  hq recover --keys 目录 --workspace 目录   （新口令取自 RMW_NEW_PASSPHRASE，或提示输入两次）',
  ].join('\n'),
  unknownCommand: '未知命令：{{command}}',
  missingOption: '缺少选项 {{option}}',
  badOption: '参数有误：{{reason}}',
  badToday: '--today 须为存在的日期，格式 YYYY-MM-DD',
  badNow: '--now 须为 ISO 时间，例如 2026-11-27T09:00:00+08:00',
  internal: '意外错误（设置 RMW_DEBUG=1 查看详情）',
  ioError: '无法读写 {{file}}（{{code}}）',

  'keygen.exists': '{{file}} 已存在：总行密钥不会被覆盖（确需更换，请先移走旧密钥）',
  'keygen.done': '总行密钥对已写入：{{public}}（发给客户经理）与 {{secret}}（保密，权限 0600）\n指纹 {{fingerprint}}',

  'keys.missing': '找不到总行密钥文件 {{file}}：请先运行 `hq keygen --out {{dir}}`',
  'keys.invalid': '总行密钥文件 {{file}} 不可用（{{reason}}）',
  'keys.mismatch': '{{dir}} 中的 hq-public.asc 与 hq-secret.asc 不是同一对密钥',

  'manager.invalid': '客户经理号“{{manager}}”无效（2–32 位字母、数字、_ . -）',
  'device.unreadable': '无法读取设备密钥文件 {{file}}',
  'device.invalid': '{{file}} 不是可用的设备公钥（{{reason}}）',
  'device.notDevice': '{{file}} 不是 RM Workbench 设备密钥：其用户标识未写明客户经理与设备',
  'device.wrongManager': '设备密钥 {{file}} 属于客户经理 {{keyManager}}，不是 {{manager}}：拒绝为 {{manager}} 生成加密给该设备的名单',

  'extract.unreadable': '无法读取名单文件 {{file}}：{{reason}}',
  'extract.rowErrors': '名单 {{file}} 被拒绝：共 {{count}} 处问题，未写入任何文件。请修正以下各行后重新生成：',
  'extract.rowError': '  第 {{row}} 行 · {{field}} · {{reason}}',
  'extract.headerDuplicate': '表头“{{header}}”对应的字段已由前面的列占用',
  'extract.noRows': '名单 {{file}} 中没有客户行：拒绝将 {{manager}} 的全部客户移出',
  'extract.unusedColumns': '提示：未使用的列：{{headers}}',
  'reason.clientNoMissing': '缺少客户号（名单以核心系统客户号为准）',
  'reason.clientNoDuplicate': '客户号 {{clientNo}} 已出现在第 {{other}} 行',
  'reason.extraCells': '单元格多于表头列数（是否有未加引号的逗号？）',
  'reason.notRosterField': '该值不能写入名单（{{code}}）',

  'roster.outExists': '{{file}} 已存在：拒绝覆盖',
  'roster.stateInvalid': '名单记录 {{file}} 已损坏（{{reason}}）：请恢复后再为该客户经理生成名单',
  'roster.ackOptions': '请给出 --ingest 目录，或同时给出 --ack-through 序号与 --audit-ack-hash 哈希',
  'roster.badAckSeq': '--ack-through 须为不小于 0 的整数',
  'roster.badAckHash': '--audit-ack-hash 须为 64 位十六进制（SHA-256）',
  'roster.noReceipts': '{{dir}} 中没有 receipts.ndjson：这是 `hq ingest` 的输出目录吗？',
  'roster.done': '{{file}}：{{manager}} 第 {{rosterSeq}} 号名单 — 新分配 {{assigned}}，更新 {{updated}}，移出 {{unassigned}}；确认日志至 {{ackSeq}}，审计链头 {{ackHash}}',

  'ingest.noFiles': '未指定导出文件',
  'ingest.fileUnreadable': '无法读取 {{file}}：未接收任何文件',
  'ingest.noDevices': '{{dir}} 中没有设备密钥（*.asc）',
  'ingest.deviceKeyBad': '设备目录中的 {{file}} 不是 RM Workbench 设备公钥（{{reason}}）',
  'ingest.outCorrupt': '{{file}} 第 {{line}} 行无法读取：输出目录已损坏，请恢复后再接收',
  'ingest.accepted': '{{file}}：已接收 {{records}} 条记录（新增 {{newRecords}}），审计 {{audit}} 条（新增 {{newAudit}}）；{{manager}} 日志 {{fromSeq}}–{{toSeq}}',
  'ingest.skipped': '{{file}}：跳过（已接收过）',
  'ingest.refused': '{{file}}：拒收：{{reason}}',
  'ingest.summary': '接收 {{accepted}}，跳过 {{skipped}}，拒收 {{refused}}；输出目录 {{dir}}',
  'recover.noWorkspace': '{{dir}} 中没有工作区（找不到 workspace.json）',
  'recover.workspaceCorrupt': '{{dir}} 中的工作区文件已损坏（{{reason}}），未作任何修改',
  'recover.noEscrow': '{{dir}} 中的工作区（客户经理 {{manager}}）没有托管密钥：从未安装总行公钥，无法恢复',
  'recover.noDatabase': '找不到数据库 {{file}}，未作任何修改',
  'recover.otherKey': '托管密钥是为总行密钥 {{recipient}} 加密的，不是 --keys 中的密钥（{{fingerprint}}）',
  'recover.escrowBad': '托管密钥无法打开（{{reason}}），未作任何修改',
  'recover.keyDoesNotOpen': '托管的数据密钥打不开 {{file}}，未作任何修改',
  'recover.mismatch': '两次输入的口令不一致，未作任何修改',
  'recover.needPassphrase': '请在 RMW_NEW_PASSPHRASE 中给出新口令，或在终端中运行',
  'recover.done': '工作区 {{workspaceId}}（客户经理 {{manager}}）：已用总行密钥 {{fingerprint}} 设置新口令。下次解锁时重设记录写入工作区审计日志；总行留档：{{log}}',

  'refusal.EMPTY': '文件为空',
  'refusal.NOT_OPENPGP': '不是 OpenPGP 文件',
  'refusal.NOT_ENCRYPTED': '文件未加密',
  'refusal.NOT_FOR_THIS_KEY': '不是加密给本总行密钥的',
  'refusal.CORRUPT': '文件在传输中损坏（无法解密）',
  'refusal.TOO_LARGE': '解压后过大',
  'refusal.UNSIGNED': '文件未签名',
  'refusal.UNKNOWN_SIGNER': '签名密钥不是已登记的设备',
  'refusal.BAD_SIGNATURE': '签名与内容不符（签名后被改动）',
  'refusal.DEVICE_KEY_INVALID': '已登记的设备密钥已不可用（过期或吊销）',
  'refusal.MALFORMED': '内容不是 JSON Lines',
  'refusal.UNKNOWN_FORMAT': '不是 RM Workbench 导出文件',
  'refusal.UNKNOWN_VERSION': '由更新版本的工作台生成',
  'refusal.INVALID_MANIFEST': '清单无效',
  'refusal.INVALID_RECORD': '有记录无效',
  'refusal.INVALID_AUDIT': '有审计条目无效',
  'refusal.COUNTS_MISMATCH': '清单中的数量与内容不符',
  'refusal.AUDIT_BROKEN': '文件中的审计段断裂（有条目被改动）',
  'refusal.FINGERPRINT_MISMATCH': '清单写明的设备密钥与签名密钥不同',
  'refusal.DEVICE_MISMATCH': '清单写明的客户经理或设备与签名密钥登记的不同',
  'refusal.JOURNAL_GAP': '文件从日志序号 {{fromSeq}} 之后开始，但总行只收到该设备至 {{held}}：缺少更早的导出文件',
  'refusal.AUDIT_GAP': '审计段从序号 {{auditFromSeq}} 之后开始，但总行只收到该设备至 {{held}}：缺少更早的导出文件',
  'refusal.AUDIT_CHAIN_BROKEN': '审计条目 {{seq}} 与总行已收到的不同：审计记录在设备上被改动过',
};

const MESSAGES: Record<HqLocale, Record<HqMessageKey, string>> = { 'zh-CN': zhCN, en };

export type Params = Record<string, string | number>;

export function message(locale: HqLocale, key: HqMessageKey, params: Params = {}): string {
  return (MESSAGES[locale][key] ?? key).replace(/\{\{(\w+)\}\}/g, (_m, name: string) => String(params[name] ?? ''));
}

/** A refusal reason in words; unknown reasons stay as their code. */
export function refusalText(locale: HqLocale, reason: string, params: Params = {}): string {
  const key = `refusal.${reason}`;
  return key in en ? message(locale, key as HqMessageKey, params) : reason;
}

/** One problem in an extract row: `field` is an import field (client_no, id_number…) or 'row'. */
export interface RowProblem {
  row: number;
  field: string;
  /** A validate-row code (ID_CHECKSUM…) or one of ours (CLIENT_NO_MISSING, CLIENT_NO_DUPLICATE, EXTRA_CELLS). */
  code: string;
  params?: Params;
}

const OWN_ROW_CODES: Record<string, HqMessageKey> = {
  CLIENT_NO_MISSING: 'reason.clientNoMissing',
  CLIENT_NO_DUPLICATE: 'reason.clientNoDuplicate',
  EXTRA_CELLS: 'reason.extraCells',
  NOT_ROSTER_FIELD: 'reason.notRosterField',
};

/** `row 7 · ID number · wrong check digit`, with the import's own field names and reasons. */
export function rowProblemText(locale: HqLocale, p: RowProblem): string {
  const shared = (group: string, key: string): string | null => {
    const v = translate(locale, `${group}.${key}`, p.params);
    return v === `${group}.${key}` ? null : v;
  };
  const field = p.field === 'row' ? '—' : (shared('importFields', p.field) ?? p.field);
  const own = OWN_ROW_CODES[p.code];
  const reason = own ? message(locale, own, p.params) : (shared('fieldCodes', p.code) ?? p.code);
  return message(locale, 'extract.rowError', { row: p.row, field, reason });
}

/**
 * A refusal of an `hq` command: a message key and its parameters, plus per-row problems of an
 * extract. The CLI prints it and exits 1; nothing has been written when it is thrown.
 */
export class HqError extends Error {
  constructor(
    readonly key: HqMessageKey,
    readonly params: Params = {},
    readonly rows: RowProblem[] = [],
  ) {
    super(key);
    this.name = 'HqError';
  }

  describe(locale: HqLocale): string {
    return [message(locale, this.key, this.params), ...this.rows.map((r) => rowProblemText(locale, r))].join('\n');
  }
}
