/**
 * Word lists for synthetic people. Surname weights are approximate national shares (per mille of
 * the population, 2020 census order), nudged for names common in southern Anhui (汪, 章, 柯, 檀, 查).
 * Given-name characters follow what is popular for each generation: children born 2008–2026,
 * their parents (born 1966–2006) and grandparents (born 1931–1991).
 */
import { weighted } from './random';

export const SURNAMES = weighted<string>([
  ['王', 71], ['李', 70], ['张', 67], ['刘', 51], ['陈', 46], ['杨', 32], ['黄', 25], ['赵', 22], ['吴', 24], ['周', 19],
  ['徐', 16], ['孙', 15], ['马', 13], ['朱', 13], ['胡', 13], ['郭', 11], ['何', 11], ['高', 10], ['林', 10], ['罗', 9],
  ['郑', 8], ['梁', 7], ['谢', 7], ['宋', 7], ['唐', 6], ['许', 6], ['韩', 6], ['冯', 6], ['邓', 6], ['曹', 5],
  ['彭', 5], ['曾', 5], ['肖', 5], ['田', 5], ['董', 5], ['袁', 5], ['潘', 4], ['于', 4], ['蒋', 4], ['蔡', 4],
  ['余', 4], ['杜', 4], ['叶', 4], ['程', 5], ['苏', 4], ['魏', 4], ['吕', 3], ['丁', 3], ['任', 3], ['沈', 3],
  ['姚', 3], ['卢', 3], ['姜', 3], ['崔', 3], ['钟', 3], ['谭', 3], ['陆', 3], ['汪', 6], ['范', 3], ['金', 3],
  ['石', 2], ['廖', 2], ['贾', 2], ['夏', 2], ['韦', 2], ['方', 3], ['白', 2], ['邹', 2], ['孟', 2], ['熊', 2],
  ['秦', 2], ['邱', 2], ['江', 2], ['尹', 2], ['薛', 2], ['段', 2], ['雷', 2], ['侯', 2], ['龙', 1], ['史', 1],
  ['陶', 2], ['黎', 1], ['贺', 1], ['顾', 1], ['毛', 1], ['郝', 1], ['龚', 1], ['邵', 1], ['万', 1], ['钱', 1],
  ['严', 1], ['戴', 1], ['章', 3], ['柯', 2], ['檀', 1], ['查', 1], ['储', 1], ['桂', 1], ['疏', 1], ['单', 1],
]);

/** Two-character given names that were among the most chosen for children born 2008–2026. */
const BOY_NAMES = [
  '浩然', '子轩', '宇轩', '梓豪', '俊杰', '一鸣', '浩宇', '子墨', '梓睿', '宇航', '博文', '皓轩', '思远', '雨泽',
  '天佑', '铭泽', '锦程', '嘉豪', '承泽', '奕辰', '宇辰', '子豪', '明轩', '俊熙', '一诺', '沐阳', '晨阳', '子涵',
  '泽宇', '浩轩', '文博', '睿泽', '梓航', '志豪', '家乐', '家豪', '宇泽', '鑫宇', '佳豪', '俊宇', '小明', '小龙',
  '子航', '宇浩', '浩杰', '俊豪', '梓轩', '铭轩', '煜城', '逸晨', '皓宇', '嘉懿', '子骞', '明哲', '天宇', '博涵',
  '思源', '睿哲', '晨曦', '昊天', '瑞霖', '俊凯', '文轩', '一帆', '子睿', '锦轩', '承志', '宏伟', '志强', '鹏飞',
] as const;
const GIRL_NAMES = [
  '欣怡', '梓涵', '诗涵', '雨涵', '一诺', '子涵', '可欣', '梓萱', '思涵', '紫涵', '语桐', '雨桐', '欣妍', '佳怡',
  '依诺', '若汐', '梦瑶', '芷若', '诗琪', '思彤', '雨欣', '佳琪', '梓琪', '可馨', '心怡', '语嫣', '晓雨', '子萱',
  '欣悦', '雅琪', '安琪', '静怡', '梦琪', '思雨', '诗雨', '雨萱', '小雨', '小敏', '晓敏', '佳欣', '乐瑶', '一涵',
  '梓萌', '紫萱', '雨彤', '欣然', '诗雅', '语汐', '梦洁', '佳颖', '思琪', '若曦', '可心', '晨曦', '雅婷', '婷婷',
  '欣欣', '悦悦', '诗怡', '梓欣', '艺涵', '雨晴', '心悦', '佳佳', '思颖', '梦婷', '子怡', '静雯', '嘉怡', '一可',
] as const;
const BOY_CHARS = '浩宇轩子梓睿泽俊杰博文豪晨辰铭锦天航思奕诚明昊阳凯鑫宸皓沐嘉逸煜瑞楷亦祺鹏翔霖然承安一振宏伟涛毅佑恒哲远帆彬越朗磊晟峻骏'.split('');
const GIRL_CHARS = '欣怡涵雨诗语可佳萱琪彤若悦馨紫思一依晨雅婷月妍汐沐瑶芷希心晴静梦蕊嘉宁乐安朵艺晗玥诺雯晓璐媛丽佩颖露敏倩'.split('');

const FATHER_CHARS = '伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宁海峰亮林东俊建文志国春晓龙剑兵洋浩宇成永金新'.split('');
const MOTHER_CHARS = '芳娟敏静丽艳霞燕玲婷红梅琴萍莉秀英慧兰雪娜倩丹洁晶春晓云凤玉华美佳琳'.split('');
const GRANDFATHER_CHARS = '德明国建华永金长志福荣生林春和山友庆发贵根全成有宝忠祥保家正树水松茂'.split('');
const GRANDMOTHER_CHARS = '秀英兰桂凤芳珍华玉梅花琴娥翠云菊香莲荣仙枝珠美月爱素霞彩银'.split('');

export type Generation = 'child' | 'parent' | 'grandparent';

/** Given-name pools by generation and sex: whole two-character names, and single characters. */
export const GIVEN = {
  child: { M: { names: BOY_NAMES, chars: BOY_CHARS }, F: { names: GIRL_NAMES, chars: GIRL_CHARS } },
  parent: { M: { names: [] as readonly string[], chars: FATHER_CHARS }, F: { names: [] as readonly string[], chars: MOTHER_CHARS } },
  grandparent: { M: { names: [] as readonly string[], chars: GRANDFATHER_CHARS }, F: { names: [] as readonly string[], chars: GRANDMOTHER_CHARS } },
} as const;

/** Where migrants from southern Anhui work: the Yangtze delta first, then the Pearl River delta and Hefei. */
export const WORK_PLACES = weighted<readonly [string, string]>([
  [['浙江省', '杭州市'], 8], [['浙江省', '宁波市'], 6], [['浙江省', '温州市'], 3], [['浙江省', '嘉兴市'], 3],
  [['浙江省', '绍兴市'], 3], [['浙江省', '金华市'], 3], [['浙江省', '湖州市'], 2],
  [['江苏省', '苏州市'], 9], [['江苏省', '无锡市'], 5], [['江苏省', '南京市'], 4], [['江苏省', '常州市'], 3],
  [['上海市', '上海市'], 10],
  [['广东省', '广州市'], 4], [['广东省', '深圳市'], 4], [['广东省', '东莞市'], 3], [['广东省', '佛山市'], 2],
  [['安徽省', '合肥市'], 7], [['安徽省', '芜湖市'], 3], [['安徽省', '池州市'], 2], [['安徽省', '铜陵市'], 2],
  [['福建省', '厦门市'], 2], [['福建省', '泉州市'], 1], [['北京市', '北京市'], 2], [['江西省', '九江市'], 1],
  [['湖北省', '武汉市'], 1],
]);

/** Mobile number prefixes in use by the three carriers (the digits after the leading 1). */
export const PHONE_PREFIXES = [
  '30', '31', '32', '33', '34', '35', '36', '37', '38', '39', '50', '51', '52', '53', '55', '56', '57', '58', '59',
  '66', '73', '75', '76', '77', '78', '80', '81', '82', '83', '84', '85', '86', '87', '88', '89', '91', '93', '98', '99',
] as const;

export const ELDER_HEALTH = weighted<string>([
  ['健康', 30], ['良好', 15], ['一般', 25], ['体弱', 8], ['高血压', 10], ['慢性病', 6], ['行动不便', 4], ['腿脚不便', 2],
]);

export const CHILD_ILLNESSES = ['哮喘', '先天性心脏病', '癫痫', '白血病', '肾病综合征', '1型糖尿病', '脑瘫后遗症', '重度贫血'] as const;

export const DISABILITY_TYPE_WEIGHTS = weighted<'visual' | 'hearing' | 'speech' | 'physical' | 'intellectual' | 'mental' | 'multiple'>([
  ['intellectual', 30], ['physical', 25], ['hearing', 12], ['speech', 10], ['visual', 8], ['multiple', 10], ['mental', 5],
]);

/** Given names that were common for people born 1925–1966, the elders of the register. */
export const ELDER_NAMES = {
  M: [
    '德明', '国华', '建国', '长生', '福生', '金生', '家富', '正林', '永福', '春生', '国平', '建华', '友才', '根生', '树林',
    '明华', '宝山', '水生', '立新', '国庆', '建军', '解放', '胜利', '和平', '新民', '光明', '德胜', '玉林', '文华', '荣华',
    '金宝', '国栋', '长春', '振华', '广生', '松林', '德才', '有福', '来喜', '发贵',
  ],
  F: [
    '秀英', '桂英', '玉兰', '秀兰', '桂兰', '凤英', '翠兰', '玉珍', '秀珍', '桂芳', '淑英', '兰英', '金凤', '玉梅', '秀芳',
    '桂珍', '月英', '素珍', '美兰', '菊英', '凤兰', '玉英', '秀云', '桂香', '冬梅', '红英', '春兰', '小妹', '金花', '银花',
    '荷花', '彩霞', '爱华', '桂花', '腊梅', '翠英', '满英', '招娣', '来娣', '杏花',
  ],
} as const;

/** Chronic conditions as a visitor writes them in the register's health column. */
export const ELDER_CONDITIONS = weighted<string>([
  ['高血压', 30], ['糖尿病', 12], ['冠心病', 8], ['慢性支气管炎', 8], ['脑梗后遗症', 6], ['风湿性关节炎', 10], ['白内障', 7],
  ['腰椎间盘突出', 6], ['老年痴呆（轻度）', 3], ['慢性胃炎', 5], ['骨质疏松', 6], ['听力下降', 7],
]);

export const ELDER_NOTES = [
  '子女在外务工，逢年过节回家',
  '患高血压，需定期提醒服药',
  '已安装烟感报警器',
  '性格开朗，常参加村里的老年活动',
  '老人不识字，签字由家属代签',
  '耳背，走访时需大声说话',
  '已纳入家庭医生签约服务',
  '行动不便，日常由邻居帮忙购物',
] as const;

/** Disabilities among elders: mostly physical, sight and hearing, unlike children's. */
export const ELDER_DISABILITY_TYPES = weighted<'visual' | 'hearing' | 'speech' | 'physical' | 'intellectual' | 'mental' | 'multiple'>([
  ['physical', 40], ['visual', 20], ['hearing', 20], ['multiple', 8], ['speech', 4], ['mental', 4], ['intellectual', 4],
]);

/** What visits find: texts a visitor writes, by field. */
export const VISIT_TEXT = {
  elderIllness: ['感冒发热，已服药', '血压偏高，嘱按时服药', '腿脚疼痛加重', '近期食欲不振', '夜间睡眠差', '咳嗽较多，建议就医'],
  childIllness: ['感冒，已就医', '发热，已服药', '手足口病，已痊愈', '牙痛，已提醒监护人带去就诊'],
  livingDifficulties: ['冬季取暖困难', '行动不便，买菜困难', '独自做饭困难', '房屋漏雨，需修缮'],
  moneyDifficulties: ['医药费支出较大', '收入仅靠养老金，生活拮据', '看病自付费用较高'],
  elderActions: ['已联系村医上门测量血压', '已提醒子女多打电话关心', '已协助申请临时救助', '已陪同到卫生院复诊', '已联系村委会协调照料'],
  childActions: ['已与学校老师沟通学习情况', '已联系父母加强视频沟通', '已提醒监护人注意孩子情绪', '已协助办理医疗救助'],
  referrals: ['已转介乡镇卫生院', '已转介村委会协调', '已转介县残联申请辅具', '已转介乡镇民政办'],
  elderNotes: ['老人精神状态良好，家中整洁', '子女每周电话联系', '已发放防诈骗宣传资料', '老人希望多来坐坐', '已提醒注意防滑防跌倒'],
  childNotes: ['孩子学习情况良好', '与祖父母相处融洽', '已发放防溺水宣传资料', '已提醒监护人注意用电安全', '孩子性格较内向，多加鼓励'],
} as const;

/** A home hazard with the note a visitor writes and what was done about it. */
export const HAZARD_FINDINGS = [
  { hazard: 'power', note: '电线老化裸露', action: '已联系电工更换老化电线' },
  { hazard: 'power', note: '私拉乱接电线，插座超负荷', action: '已讲解安全用电常识，协助整改' },
  { hazard: 'gas', note: '液化气罐软管老化', action: '已协助更换软管并加装报警器' },
  { hazard: 'heating', note: '冬季使用炭火盆取暖，通风不良', action: '已提醒开窗通风，防一氧化碳中毒' },
  { hazard: 'water', note: '屋后水井无盖板', action: '已联系村委会加装井盖' },
  { hazard: 'building', note: '房屋墙体开裂', action: '已报乡镇申请危房改造' },
  { hazard: 'other', note: '院内地面湿滑，易跌倒', action: '已建议铺设防滑垫、加装扶手' },
] as const;

/** Major changes (重大变故) that make a visit due at once. */
export const MAJOR_CHANGES = {
  elder: ['突发脑梗住院治疗', '老伴去世', '在家跌倒致骨折', '照料的子女外出务工，无人照料', '因病住院', '房屋受损，临时借住亲戚家'],
  child: ['祖父病故，监护人变更', '父母离异', '监护人住院，暂由亲属照料', '父亲因工受伤'],
} as const;
