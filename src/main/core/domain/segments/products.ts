// Core product families: the unit of "product coverage" (挖, seed 003) and of the potential
// score's coverage gap. Product names are as the client book stores them (demo book, HQ extracts).

export const PRODUCT_FAMILIES = ['deposits', 'wealth', 'insurance', 'loans', 'cards', 'digital'] as const;
export type ProductFamily = (typeof PRODUCT_FAMILIES)[number];

/** Families a small-business client can hold here: retail insurance and credit cards are not sold to companies. */
export const COMPANY_PRODUCT_FAMILIES: readonly ProductFamily[] = ['deposits', 'wealth', 'loans', 'digital'];

/** Product name → family. Names not listed count for no family (they are not a core product). */
export const PRODUCT_FAMILY_OF: Readonly<Record<string, ProductFamily>> = {
  活期存款: 'deposits',
  定期存款: 'deposits',
  大额存单: 'deposits',
  通知存款: 'deposits',
  单位结算账户: 'deposits',
  // Payroll lands in a settlement/current account: it deepens the deposit relationship.
  代发工资: 'deposits',
  理财产品: 'wealth',
  基金: 'wealth',
  贵金属: 'wealth',
  国债: 'wealth',
  储蓄国债: 'wealth',
  // Sold to companies as their wealth product (the demo book offers it instead of 理财产品).
  结构性存款: 'wealth',
  保险: 'insurance',
  信用卡: 'cards',
  个人住房贷款: 'loans',
  个人经营贷: 'loans',
  个人消费贷: 'loans',
  流动资金贷款: 'loans',
  手机银行: 'digital',
  网上银行: 'digital',
  企业网银: 'digital',
};

/** Product name's family, or null when it is not a core product. */
export function productFamily(product: string): ProductFamily | null {
  return FAMILY_BY_NAME.get(product.trim()) ?? null;
}

/** The distinct families a product list covers, in PRODUCT_FAMILIES order. */
export function familiesHeld(products: readonly string[]): ProductFamily[] {
  const held = new Set(products.map(productFamily));
  return PRODUCT_FAMILIES.filter((f) => held.has(f));
}

/** How many of the core families a product list covers (0..6). */
export function productFamilies(products: readonly string[]): number {
  return familiesHeld(products).length;
}

// A Map, so a name such as "constructor" cannot hit Object.prototype.
const FAMILY_BY_NAME = new Map(Object.entries(PRODUCT_FAMILY_OF));
