// Reference tables for the demo book: names, places, employers, texts. Plain data,
// so realism can be tuned here without touching the generator's logic.
import { Weighted } from './demo-book-random';

// Surname shares in ‰, rounded from the 2020 census ranking, with pinyin for e-mail
// handles. The census head (top five ~31%) comes out near 37% here: the hundreds of
// rarer surnames are left out, so the listed ones share their weight. The tail keeps compound surnames and
// polyphones whose reading differs as a surname (单 Shàn, 解 Xiè, 仇 Qiú, 曾 Zēng).
const SURNAME_ROWS: readonly (readonly [string, string, number])[] = [
  ['王', 'wang', 72], ['李', 'li', 71], ['张', 'zhang', 68], ['刘', 'liu', 54], ['陈', 'chen', 45], ['杨', 'yang', 31],
  ['黄', 'huang', 22], ['赵', 'zhao', 23], ['吴', 'wu', 20], ['周', 'zhou', 20], ['徐', 'xu', 17], ['孙', 'sun', 15],
  ['马', 'ma', 14], ['朱', 'zhu', 13], ['胡', 'hu', 13], ['郭', 'guo', 12], ['何', 'he', 12], ['林', 'lin', 12],
  ['高', 'gao', 12], ['罗', 'luo', 9], ['郑', 'zheng', 9], ['梁', 'liang', 9], ['谢', 'xie', 8], ['宋', 'song', 8],
  ['唐', 'tang', 8], ['许', 'xu', 7], ['韩', 'han', 7], ['冯', 'feng', 7], ['邓', 'deng', 7], ['曹', 'cao', 7],
  ['彭', 'peng', 7], ['曾', 'zeng', 6], ['肖', 'xiao', 6], ['田', 'tian', 6], ['董', 'dong', 6], ['袁', 'yuan', 6],
  ['潘', 'pan', 5], ['于', 'yu', 5], ['蒋', 'jiang', 5], ['蔡', 'cai', 5], ['余', 'yu', 5], ['杜', 'du', 5],
  ['叶', 'ye', 5], ['程', 'cheng', 5], ['苏', 'su', 5], ['魏', 'wei', 5], ['吕', 'lv', 4], ['丁', 'ding', 4],
  ['任', 'ren', 4], ['沈', 'shen', 4], ['姚', 'yao', 4], ['卢', 'lu', 4], ['姜', 'jiang', 4], ['崔', 'cui', 4],
  ['钟', 'zhong', 4], ['谭', 'tan', 4], ['陆', 'lu', 3], ['汪', 'wang', 3], ['范', 'fan', 3], ['金', 'jin', 3],
  ['石', 'shi', 3], ['廖', 'liao', 3], ['贾', 'jia', 3], ['夏', 'xia', 3], ['韦', 'wei', 3], ['方', 'fang', 3],
  ['邹', 'zou', 2], ['熊', 'xiong', 2], ['孟', 'meng', 2], ['秦', 'qin', 2], ['阎', 'yan', 2], ['薛', 'xue', 2], ['侯', 'hou', 2],
  ['雷', 'lei', 2], ['白', 'bai', 2], ['龙', 'long', 2], ['段', 'duan', 2], ['郝', 'hao', 2], ['孔', 'kong', 2], ['邵', 'shao', 2],
  ['史', 'shi', 2], ['毛', 'mao', 2], ['常', 'chang', 2], ['万', 'wan', 2], ['顾', 'gu', 2], ['赖', 'lai', 2], ['武', 'wu', 2],
  ['康', 'kang', 1.5], ['贺', 'he', 1.5], ['严', 'yan', 1.5], ['尹', 'yin', 1.5], ['钱', 'qian', 1.5], ['施', 'shi', 1.5],
  ['牛', 'niu', 1.5], ['洪', 'hong', 1.5], ['龚', 'gong', 1.5],
  ['单', 'shan', 0.5], ['解', 'xie', 0.4], ['仇', 'qiu', 0.3], ['欧阳', 'ouyang', 0.4], ['司马', 'sima', 0.15],
  ['上官', 'shangguan', 0.15], ['诸葛', 'zhuge', 0.1],
];
export const SURNAMES = new Weighted(SURNAME_ROWS.map(([s, py, w]) => [{ surname: s, pinyin: py }, w] as const));
export const SURNAME_PINYIN = new Map(SURNAME_ROWS.map(([s, py]) => [s, py]));

// Given names follow fashion: 建国/秀英 for people born in the 1950s, 子轩/欣怡 after 2000.
export const GIVEN = {
  M: {
    single: ['伟', '强', '磊', '军', '勇', '杰', '涛', '斌', '超', '明', '刚', '平', '辉', '鹏', '华', '飞', '鑫', '波', '宁', '浩', '宇', '博', '凯', '峰', '林', '东', '晨', '阳', '旭', '健'],
    old: ['建国', '建华', '国强', '志刚', '德明', '卫东', '振华', '国庆', '建军', '永强', '文斌', '庆丰', '保国', '德华'],
    middle: ['志伟', '海涛', '晓东', '伟明', '俊杰', '建平', '志强', '永刚', '立新', '海波', '文杰', '国栋', '小军', '春雷'],
    young: ['浩然', '子轩', '宇航', '俊熙', '一鸣', '梓豪', '博文', '天宇', '宇轩', '皓轩', '明哲', '思远', '嘉懿', '子墨'],
  },
  F: {
    single: ['芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '燕', '玲', '丹', '萍', '红', '英', '兰', '梅', '琳', '婷', '雪', '慧', '颖', '倩', '欣', '怡', '琪', '悦', '洁', '蕾', '薇', '晶'],
    old: ['秀英', '桂英', '淑珍', '玉兰', '秀兰', '凤英', '玉梅', '丽华', '桂兰', '秀珍', '淑华', '玉珍', '素芬', '凤兰'],
    middle: ['丽娟', '晓燕', '海燕', '红梅', '雪梅', '丽萍', '春燕', '晓红', '美玲', '艳红', '慧敏', '小芳', '静怡', '丽丽'],
    young: ['欣怡', '梓涵', '诗琪', '雨萱', '佳怡', '子涵', '思雨', '可馨', '一诺', '语桐', '梓萱', '雨涵', '若汐', '芷若'],
  },
} as const;

// 生僻字 that break fonts and encodings: two outside the BMP (𬱖 U+2CC56, 𫖯 U+2B5AF),
// 䶮 in CJK Extension A, and BMP characters missing from many legacy fonts.
export const RARE_CHARS = ['𬱖', '𫖯', '䶮', '堃', '喆', '赟', '玥', '犇', '燚', '珺', '頔', '昇'];

export interface District {
  code: string;
  name: string;
  streets: readonly string[];
}
export interface City {
  province: string; // empty for the four municipalities
  city: string;
  short: string;
  pinyin: string;
  areaCode: string;
  districts: readonly District[];
}
const city = (province: string, name: string, pinyin: string, areaCode: string, districts: [string, string, string][]): City => ({
  province,
  city: name,
  short: name.replace(/市$/, ''),
  pinyin,
  areaCode,
  districts: districts.map(([code, dName, streets]) => ({ code, name: dName, streets: streets.split(' ') })),
});

// Real GB/T 2260 district codes with real roads, so registered addresses agree with ID numbers.
export const CITIES: readonly City[] = [
  city('', '北京市', 'bj', '010', [['110105', '朝阳区', '建国路 朝阳北路 望京街 酒仙桥路'], ['110108', '海淀区', '中关村大街 学院路 知春路'], ['110102', '西城区', '金融大街 西单北大街 月坛北街']]),
  city('', '上海市', 'sh', '021', [['310115', '浦东新区', '世纪大道 张杨路 浦东南路 锦绣路'], ['310104', '徐汇区', '漕溪北路 肇嘉浜路 天钥桥路'], ['310105', '长宁区', '延安西路 天山路 仙霞路']]),
  city('广东省', '深圳市', 'sz', '0755', [['440305', '南山区', '深南大道 南海大道 后海大道'], ['440304', '福田区', '福华路 益田路 红荔路'], ['440303', '罗湖区', '东门中路 人民南路 深南东路']]),
  city('广东省', '广州市', 'gz', '020', [['440106', '天河区', '天河路 体育西路 花城大道 黄埔大道'], ['440104', '越秀区', '环市东路 北京路 东风中路']]),
  city('浙江省', '杭州市', 'hz', '0571', [['330106', '西湖区', '文三路 天目山路 西溪路 教工路'], ['330102', '上城区', '解放路 望江路 秋涛路'], ['330110', '余杭区', '文一西路 五常大道 良睦路']]),
  city('四川省', '成都市', 'cd', '028', [['510107', '武侯区', '人民南路四段 武侯祠大街 科华北路'], ['510104', '锦江区', '春熙路 红星路 东大街']]),
  city('湖北省', '武汉市', 'wh', '027', [['420106', '武昌区', '中南路 中北路 武珞路 徐东大街'], ['420103', '江汉区', '解放大道 建设大道 新华路']]),
  city('江苏省', '南京市', 'nj', '025', [['320106', '鼓楼区', '中山北路 北京西路 汉中路'], ['320104', '秦淮区', '中山南路 太平南路 应天大街']]),
  city('江苏省', '苏州市', 'suz', '0512', [['320508', '姑苏区', '人民路 干将路 十全街'], ['320506', '吴中区', '东吴北路 宝带西路']]),
  city('', '天津市', 'tj', '022', [['120101', '和平区', '南京路 滨江道 大沽北路'], ['120103', '河西区', '友谊路 围堤道']]),
  city('', '重庆市', 'cq', '023', [['500103', '渝中区', '民族路 中山三路 解放东路'], ['500105', '江北区', '建新北路 洋河路']]),
  city('陕西省', '西安市', 'xa', '029', [['610113', '雁塔区', '长安南路 小寨东路 高新路'], ['610104', '莲湖区', '西大街 莲湖路']]),
  city('山东省', '济南市', 'jn', '0531', [['370102', '历下区', '泉城路 经十路 解放路']]),
  city('山东省', '青岛市', 'qd', '0532', [['370212', '崂山区', '香港东路 海尔路 株洲路'], ['370202', '市南区', '香港中路 山东路 中山路']]),
  city('河南省', '郑州市', 'zz', '0371', [['410105', '金水区', '花园路 金水路 纬五路']]),
  city('湖南省', '长沙市', 'cs', '0731', [['430104', '岳麓区', '麓山南路 岳麓大道 枫林一路'], ['430102', '芙蓉区', '五一大道 芙蓉中路']]),
  city('福建省', '厦门市', 'xm', '0592', [['350203', '思明区', '湖滨南路 厦禾路 中山路']]),
  city('福建省', '福州市', 'fz', '0591', [['350102', '鼓楼区', '五四路 湖东路 八一七北路']]),
  city('浙江省', '宁波市', 'nb', '0574', [['330203', '海曙区', '中山西路 解放南路 药行街']]),
  city('浙江省', '温州市', 'wz', '0577', [['330302', '鹿城区', '人民路 车站大道 府前街']]),
  city('安徽省', '合肥市', 'hf', '0551', [['340104', '蜀山区', '长江西路 黄山路 潜山路']]),
  city('辽宁省', '沈阳市', 'sy', '024', [['210102', '和平区', '南京北街 太原街 中华路'], ['210106', '铁西区', '兴华南街 建设中路']]),
  city('云南省', '昆明市', 'km', '0871', [['530102', '五华区', '人民中路 东风西路 青年路']]),
];

// Company name parts: 2-character brand (with pinyin for the company mail domain) and
// industry with its GB/T 4754 section, which the AML risk rating looks at.
export const BRANDS: readonly (readonly [string, string])[] = [
  ['明远', 'mingyuan'], ['华信', 'huaxin'], ['恒泰', 'hengtai'], ['鑫源', 'xinyuan'], ['瑞丰', 'ruifeng'], ['永安', 'yongan'],
  ['宏达', 'hongda'], ['金桥', 'jinqiao'], ['天成', 'tiancheng'], ['和润', 'herun'], ['嘉禾', 'jiahe'], ['博雅', 'boya'],
  ['中正', 'zhongzheng'], ['新锐', 'xinrui'], ['启航', 'qihang'], ['盛世', 'shengshi'], ['汇通', 'huitong'], ['鼎盛', 'dingsheng'],
  ['润泽', 'runze'], ['华晟', 'huasheng'], ['恒信', 'hengxin'], ['东升', 'dongsheng'], ['万和', 'wanhe'], ['聚鑫', 'juxin'],
  ['长青', 'changqing'], ['佳禾', 'jiahe'], ['同创', 'tongchuang'], ['领航', 'linghang'], ['卓越', 'zhuoyue'], ['信达', 'xinda'],
  ['宏图', 'hongtu'], ['正泰', 'zhengtai'], ['德润', 'derun'], ['安捷', 'anjie'], ['锦程', 'jincheng'], ['远景', 'yuanjing'],
  ['祥和', 'xianghe'], ['星河', 'xinghe'], ['蓝海', 'lanhai'], ['云帆', 'yunfan'], ['睿智', 'ruizhi'], ['兴业', 'xingye'],
];
export const INDUSTRIES: readonly (readonly [string, string])[] = [
  ['贸易', '批发和零售业'], ['商贸', '批发和零售业'], ['科技', '科学研究和技术服务业'], ['信息技术', '信息传输、软件和信息技术服务业'],
  ['电子商务', '批发和零售业'], ['餐饮管理', '住宿和餐饮业'], ['建材', '批发和零售业'], ['服装', '制造业'], ['机械设备', '制造业'],
  ['物流', '交通运输、仓储和邮政业'], ['文化传媒', '文化、体育和娱乐业'], ['医疗器械', '制造业'], ['食品', '制造业'],
  ['装饰工程', '建筑业'], ['环保科技', '水利、环境和公共设施管理业'], ['物业管理', '房地产业'], ['教育咨询', '教育'],
];
export const SHOPS = ['便利店', '五金店', '餐馆', '服装店', '水果店', '汽修店', '美容美发店', '茶叶店', '药店', '建材店'];
export const BUREAUS = ['税务局', '市场监督管理局', '教育局', '财政局', '住房和城乡建设局', '人力资源和社会保障局', '交通运输局', '统计局'];
export const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十四', '十五', '二十'];

export const BANKS = ['招商银行', '工商银行', '建设银行', '农业银行', '中国银行', '交通银行', '平安银行', '兴业银行', '浦发银行', '中信银行', '邮储银行'];
export const LOST_REASONS = [
  '他行大额存单利率更高', '理财产品收益低于他行', '工作调动至外地', '房贷转至他行办理', '对网点排队时间不满',
  '原客户经理离职后疏于联系', '子女在他行工作，资金随之转移', '企业主办行变更，代发工资转出',
];
export const WIN_BACK_PLANS = [
  '季度上门回访，邀请参加理财沙龙', '推荐新发行大额存单，约时间面谈', '由支行行长陪同拜访，了解不满原因',
  '生日当天送上祝福并介绍养老理财', '提供房贷转按揭方案，比较综合成本', '邀请参加客户答谢会，重建联系',
];

export const EMAIL_DOMAINS = ['163.com', '126.com', 'sina.com', '139.com', 'foxmail.com', 'outlook.com', 'gmail.com'];
// Mainland mobile blocks (MIIT): 13x, 15x (154 never issued), 17x incl. virtual operators, 18x, 198/199.
export const MOBILE_PREFIXES = new Weighted<string>([
  ...['130', '131', '132', '133', '134', '135', '136', '137', '138', '139'].map((p) => [p, 3] as const),
  ...['150', '151', '152', '153', '155', '156', '157', '158', '159'].map((p) => [p, 2] as const),
  ...['170', '171', '173', '175', '176', '177', '178'].map((p) => [p, 0.7] as const),
  ...['180', '181', '182', '183', '184', '185', '186', '187', '188', '189'].map((p) => [p, 2] as const),
  ['198', 1.5],
  ['199', 1.5],
]);

// Foreign passports of overseas Chinese, in the romanised form printed on the passport.
// In a number pattern `#` stands for a digit and `@` for a capital letter.
export const FOREIGNERS: readonly { nationality: string; pattern: string }[] = [
  { nationality: '新加坡', pattern: '@#######@' },
  { nationality: '马来西亚', pattern: 'A########' },
  { nationality: '美国', pattern: '#########' },
  { nationality: '加拿大', pattern: '@@######' },
  { nationality: '澳大利亚', pattern: 'P@#######' },
];
export const LATIN_SURNAMES = ['TAN', 'LIM', 'LEE', 'NG', 'ONG', 'WONG', 'GOH', 'CHUA', 'CHEN', 'ZHANG'];
export const LATIN_GIVEN = { M: ['WEI MING', 'KAH WAI', 'JUN HAO', 'DAVID', 'MICHAEL', 'KEVIN'], F: ['MEI LING', 'JIA HUI', 'XIN YI', 'SARAH', 'GRACE', 'EMILY'] } as const;

export const INTERESTS = ['书法', '太极拳', '广场舞', '钓鱼', '旅游', '摄影', '高尔夫', '茶艺', '瑜伽', '跑步', '收藏', '登山', '京剧', '养花'];
export const CALL_TIMES = ['工作日晚上7点后', '上午10点后', '午休时间', '周末下午', '工作日上午', '下班路上（6点左右）'];
export const PERSON_NOTES = [
  '客户偏好保本型产品，风险承受能力较低。', '听力不太好，电话沟通需放慢语速。', '工作日白天不便接电话，请先发短信。',
  '配偶也是本行客户，家庭资产主要在本行。', '子女明年出国留学，关注购汇和留学贷款。', '大额存单下月到期，有意转投理财。',
  '对上次净值波动有意见，需耐心解释。', '喜欢参加网点组织的健康讲座。', '正在规划孙辈教育金。', '经营资金周转频繁，关注经营贷利率。',
];
export const COMPANY_NOTES = [
  '每月10日发放工资，财务负责人为主要对接人。', '年底有大额回款，可推荐结构性存款。', '计划扩建厂房，有中长期融资需求。',
  '法定代表人常驻外地，经营事务由财务负责人办理。', '对公账户流水稳定，可营销代发和企业网银。',
];
// Why a client costs the bank: said plainly so the RM can act (serve less intensively, never drop).
export const LOSS_NOTES = [
  '高息揽储活动客户，扣除资金成本后贡献为负。', '信用卡年费全免且积分兑换多，当前贡献为负。', '经营贷计提拨备后贡献为负。',
];
