import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchKeys, matchesQuery } from '../../src/main/core/domain/kyc/search-keys';
import { createWorkspace, makeCore, tempDir, type Harness } from '../helpers/core';

// The SQL search (services/client-search.ts) must agree with the reference predicate
// `matchesQuery` for every client and query: checked exhaustively on a small book.
const PEOPLE: [string, string][] = [
  ['张三', '13812345678'], ['张珊珊', '13900005678'], ['章三丰', '13700001234'], ['单田芳', '13600002222'],
  ['曾国藩', '13500003333'], ['欧阳娜娜', '18800004444'], ['王𬱖', '18900005555'], ['李安', '15000006666'],
  ['安娜', '15100007777'], ['尉迟恭', '15200008888'], ['解晓东', '15300009999'], ['仇英', '15800001010'],
];
const QUERIES = ['张', '张三', 'zs', 'zh', 'zhang', 'zhangsan', 'san', 'shan', 'stf', 'zeng', 'zgf', 'ouyang', 'oynn', 'yang', 'an', 'anna', 'la', 'wang', '𬱖', 'yuchi', 'xie', 'qiu', '5678', '1234', '567', 'ZS', ' z s ', 'ｚｓ', 'q', 'x'];

let tmp: ReturnType<typeof tempDir>;
let h: Harness;
beforeAll(async () => {
  tmp = tempDir();
  h = makeCore(join(tmp.dir, 'ws'));
  await createWorkspace(h);
  for (const [name, mobile] of PEOPLE) await h.call('clients.create', { client: { kind: 'person', name, mobile } });
});
afterAll(() => {
  h.core.dispose();
  tmp.cleanup();
});

describe('SQL search agrees with matchesQuery', () => {
  it.each(QUERIES)('query %j', async (query) => {
    const expected = PEOPLE.filter(([name, mobile]) => matchesQuery(buildSearchKeys({ name, mobile }), query)).map(([n]) => n).sort();
    const got = (await h.call('clients.list', { query, limit: 100 })).rows.map((r) => r.name).sort();
    expect(got).toEqual(expected);
  });
});
