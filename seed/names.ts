/**
 * Material for invented personal names: Chinese surnames weighted by real frequency (per cent of the
 * population, rounded), given-name characters, English given names some returnees use, and the names
 * of real people the generator must never produce.
 */
import type { Gender } from './model.ts';

/** [surname, official romanisation, weight]. The romanisation is explicit because pinyin guesses polyphonic surnames wrongly (曾 Zeng, 单 Shan). */
// biome-ignore format: a table reads best one entry per line
export const SURNAMES: readonly (readonly [string, string, number])[] = [
  ['王', 'Wang', 7.25], ['李', 'Li', 7.19], ['张', 'Zhang', 6.83], ['刘', 'Liu', 5.38], ['陈', 'Chen', 4.53],
  ['杨', 'Yang', 3.08], ['赵', 'Zhao', 2.29], ['黄', 'Huang', 2.23], ['吴', 'Wu', 2.05], ['周', 'Zhou', 1.88],
  ['徐', 'Xu', 1.67], ['孙', 'Sun', 1.54], ['马', 'Ma', 1.44], ['朱', 'Zhu', 1.28], ['胡', 'Hu', 1.19],
  ['郭', 'Guo', 1.15], ['何', 'He', 1.06], ['林', 'Lin', 1.01], ['高', 'Gao', 1.0], ['罗', 'Luo', 0.86],
  ['郑', 'Zheng', 0.8], ['梁', 'Liang', 0.79], ['谢', 'Xie', 0.72], ['宋', 'Song', 0.63], ['唐', 'Tang', 0.62],
  ['许', 'Xu', 0.61], ['韩', 'Han', 0.59], ['邓', 'Deng', 0.58], ['冯', 'Feng', 0.58], ['曹', 'Cao', 0.55],
  ['彭', 'Peng', 0.54], ['曾', 'Zeng', 0.53], ['肖', 'Xiao', 0.52], ['田', 'Tian', 0.51], ['董', 'Dong', 0.5],
  ['潘', 'Pan', 0.46], ['袁', 'Yuan', 0.46], ['蔡', 'Cai', 0.43], ['蒋', 'Jiang', 0.43], ['余', 'Yu', 0.42],
  ['于', 'Yu', 0.42], ['杜', 'Du', 0.41], ['叶', 'Ye', 0.41], ['程', 'Cheng', 0.4], ['魏', 'Wei', 0.38],
  ['苏', 'Su', 0.38], ['吕', 'Lyu', 0.37], ['丁', 'Ding', 0.36], ['任', 'Ren', 0.35], ['卢', 'Lu', 0.34],
  ['姚', 'Yao', 0.34], ['沈', 'Shen', 0.33], ['钟', 'Zhong', 0.32], ['姜', 'Jiang', 0.32], ['崔', 'Cui', 0.31],
  ['谭', 'Tan', 0.3], ['陆', 'Lu', 0.29], ['范', 'Fan', 0.28], ['汪', 'Wang', 0.28], ['廖', 'Liao', 0.28],
  ['石', 'Shi', 0.27], ['金', 'Jin', 0.26], ['韦', 'Wei', 0.26], ['贾', 'Jia', 0.26], ['夏', 'Xia', 0.25],
  ['付', 'Fu', 0.25], ['方', 'Fang', 0.24], ['邹', 'Zou', 0.23], ['熊', 'Xiong', 0.23], ['白', 'Bai', 0.23],
  ['孟', 'Meng', 0.22], ['秦', 'Qin', 0.22], ['邱', 'Qiu', 0.22], ['侯', 'Hou', 0.22], ['江', 'Jiang', 0.21],
  ['尹', 'Yin', 0.21], ['薛', 'Xue', 0.21], ['闫', 'Yan', 0.2], ['段', 'Duan', 0.2], ['雷', 'Lei', 0.2],
  ['龙', 'Long', 0.19], ['黎', 'Li', 0.19], ['史', 'Shi', 0.19], ['陶', 'Tao', 0.18], ['贺', 'He', 0.18],
  ['毛', 'Mao', 0.17], ['郝', 'Hao', 0.17], ['顾', 'Gu', 0.17], ['龚', 'Gong', 0.16], ['邵', 'Shao', 0.16],
  ['万', 'Wan', 0.16], ['覃', 'Qin', 0.15], ['武', 'Wu', 0.15], ['钱', 'Qian', 0.15], ['戴', 'Dai', 0.15],
  ['严', 'Yan', 0.15], ['莫', 'Mo', 0.14], ['孔', 'Kong', 0.14], ['向', 'Xiang', 0.14], ['常', 'Chang', 0.14],
  ['汤', 'Tang', 0.13], ['康', 'Kang', 0.13], ['易', 'Yi', 0.13], ['乔', 'Qiao', 0.12], ['赖', 'Lai', 0.12],
  ['文', 'Wen', 0.12], ['柴', 'Chai', 0.08], ['裴', 'Pei', 0.06], ['卫', 'Wei', 0.06], ['柳', 'Liu', 0.05],
  ['单', 'Shan', 0.05], ['欧阳', 'Ouyang', 0.05], ['上官', 'Shangguan', 0.01], ['司马', 'Sima', 0.01],
  ['诸葛', 'Zhuge', 0.005],
];

/**
 * Given-name characters. A two-character given name takes its first character from `first` and its
 * second from the gender's pool; one-character names draw from the gender's pool. The characters are
 * chosen to have one common reading, so their pinyin is unambiguous.
 */
export const GIVEN_NAME_CHARS = {
  first: '文华明晓建志海春俊晨思雨子一嘉宇永国立新天光德振家佳雅欣婉秀',
  male: '伟强磊军勇杰涛超刚平辉鹏飞鑫波斌浩凯健帆旭宁林阳峰东亮成庆清博远航哲铭瑞锋毅诚康轩然昊翔坤彬龙',
  female:
    '芳娜敏静丽艳娟霞玲燕婷雪慧颖琳晶洁倩萍红梅莉欣悦彤怡雯璐瑶琪蕾薇婧岚月兰荣凤琴云茜诗涵萱馨桐',
} as const;

/** English given names some returnees use beside their Chinese name ("David Zhang Wei"). */
// biome-ignore format: a table reads best one entry per line
export const ENGLISH_GIVEN_NAMES: Record<Exclude<Gender, 'unknown'>, readonly string[]> = {
  male: ['David', 'Michael', 'Kevin', 'Jason', 'Eric', 'Peter', 'Steven', 'Tony', 'Frank', 'Jack', 'Leo', 'Henry', 'Allen', 'Ryan', 'Daniel', 'Andy', 'Vincent', 'Richard', 'James', 'William'],
  female: ['Grace', 'Lily', 'Amy', 'Linda', 'Helen', 'Emily', 'Cindy', 'Jenny', 'Vivian', 'Sophia', 'Annie', 'Judy', 'Joyce', 'Irene', 'Crystal', 'Fiona', 'Iris', 'Wendy', 'Cathy', 'Nancy'],
};

/**
 * Real people the generator must never name: everyone the seed articles mention, well-known
 * academicians and founders of the organisations in seed/institutions.ts. A drawn name on this list is
 * drawn again, so no invented fact (above all an academician title) lands on a real, named person.
 * Random common names (张伟) may still match someone real; they carry nothing from the articles.
 */
// biome-ignore format: a table reads best one entry per line
export const REAL_NAMES_TO_AVOID: ReadonlySet<string> = new Set([
  // named in the seed articles (some in garbled machine-translated forms)
  '应勇', '李荣灿', '闫大鹏', '谭必恩', '张颖', '韩莉', '王振', '陈东升', '雷军', '万敏', '邓珊珊', '裴端卿',
  '倪岳峰', '王国通', '田景祥', '侯云龙', '姚斌', '陈十一', '陈十毅', '陈石屹', '张清杰', '张庆杰', '田长霖',
  '田长焯', '田长卓', '王金桥', '顾凌芳', '孙佳', '闫永高', '习近平', '谢冰心', '余继生', '张勤', '徐超', '杨琪',
  // academicians and public scientists
  '钟南山', '袁隆平', '屠呦呦', '施一公', '潘建伟', '王贻芳', '李德仁', '刘经南', '周济', '杨叔子', '丁汉',
  '李培根', '段正澄', '邓子新', '王辰', '薛其坤', '陈竺', '韩启德', '白春礼', '侯建国', '万立骏', '卢柯',
  '李国杰', '倪光南', '邬贺铨', '郑纬民', '陈左宁', '孙家栋', '王小谟', '刘永坦', '钱七虎', '黄旭华',
  '曾庆存', '顾诵芬', '王大中', '赵忠贤', '于敏', '李兰娟', '陈薇', '张伯礼', '王福生', '饶子和', '程京',
  '高福', '徐涛', '王晓东', '邵峰', '朱健康', '颜宁', '鲁白', '谢和平', '骆清铭', '尤政', '窦贤康', '张平文',
  '邓秀新', '吴以岭', '王焰新', '杨振宁', '姚期智', '丘成桐', '朱棣文', '李政道', '丁肇中', '钱学森',
  // founders and heads of the demo organisations
  '马化腾', '任正非', '马云', '李彦宏', '张一鸣', '王传福', '汪滔', '刘庆峰', '蔡东晨', '苗连生', '黄立',
  '汤晓鸥', '徐立', '陈天桥', '孟晚舟',
  // other public figures a drawn name happened to match
  '武磊',
]);
