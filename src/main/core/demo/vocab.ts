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
