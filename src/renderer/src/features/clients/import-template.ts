import { downloadText } from '../../components/download';

// The import template: the header names of the HQ extract (they are the file format, so
// they stay Chinese in every UI language) and one fictional example row. The example ID
// is the published GB 11643 specimen, so its check digit is valid.

export const TEMPLATE_HEADERS = [
  '客户编号', '姓名', '客户类型', '性别', '出生日期', '生日历法', '农历生日', '证件类型', '证件号码', '证件有效期', '手机', '电子邮箱', '地址',
  '职业', '金融资产', '存款', '贷款余额', '信用卡年消费', '年贡献', '持有产品', '风险等级', '建立关系日期', '标签', '备注', '潜力评分',
] as const;

const EXAMPLE_ROW: readonly string[] = [
  'C0001', '李秀英', '个人', '女', '1949-12-31', '公历', '', '居民身份证', '11010519491231002X', '长期', '13800138000', 'li.xiuying@example.com',
  '北京市朝阳区建国路88号', '退休教师', '1,234,567.89', '300000', '0', '50000', '12000.50', '理财;国债', '低', '2012-05-20', '退休;高净值',
  '示例行，导入前请删除', '4',
];

/** The template as CSV text: CRLF line ends as Excel writes them; cells quoted when needed. */
export function templateCsv(): string {
  const line = (cells: readonly string[]) => cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
  return `${line(TEMPLATE_HEADERS)}\r\n${line(EXAMPLE_ROW)}\r\n`;
}

/** Saves the template through the browser's download (UTF-8 with BOM, so Excel reads the Chinese). */
export function downloadTemplate(fileName: string): void {
  downloadText(fileName, `\uFEFF${templateCsv()}`, 'text/csv;charset=utf-8');
}
