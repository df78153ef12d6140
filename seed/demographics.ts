/**
 * Weights that shape the invented population. The demo database belongs to bureaus in Hubei, Shanxi
 * (Yuncheng) and Hebei, so hometowns and alma maters lean towards those provinces, while people live
 * where the jobs are: Beijing, Shanghai, Shenzhen, Wuhan and abroad. Keys are seed/places.ts keys.
 */

/** The provinces whose bureaus use the demo: their natives elsewhere and alumni are the targets. */
export const BUREAU_PROVINCES: readonly string[] = ['hubei', 'shanxi', 'hebei'];

/** Where people were born (district or city), by weight. */
// biome-ignore format: a table reads best one entry per line
export const HOMETOWN_WEIGHTS: Readonly<Record<string, number>> = {
  // Hubei ~35 %
  'wuhan-hongshan': 1.5, 'wuhan-jiangxia': 2, 'wuhan-wuchang': 1.5, 'wuhan-jiang-an': 1.5,
  'wuhan-jianghan': 1, 'wuhan-qiaokou': 1, 'wuhan-hanyang': 1.5, 'yichang-xiling': 1.5,
  'yichang-yiling': 1.5, 'xiangyang-xiangcheng': 1.5, 'xiangyang-fancheng': 1.5, huangshi: 2.5,
  huanggang: 5, xiaogan: 4, jingzhou: 4, shiyan: 2.5,
  // Shanxi ~20 %, most of it Yuncheng
  'yuncheng-yanhu': 3.5, 'yuncheng-yongji': 2, 'yuncheng-hejin': 2, 'yuncheng-linyi': 1.5,
  'yuncheng-wenxi': 1.5, 'yuncheng-jishan': 1.2, 'yuncheng-ruicheng': 1.2, 'yuncheng-wanrong': 1.1,
  'taiyuan-xiaodian': 1.2, 'taiyuan-yingze': 1.2, 'taiyuan-wanbailin': 1, linfen: 2.5,
  // Hebei ~15 %
  'xiongan-xiongxian': 0.8, 'xiongan-rongcheng': 0.8, 'xiongan-anxin': 0.8, 'shijiazhuang-changan': 1.2,
  'shijiazhuang-qiaoxi': 1.2, 'shijiazhuang-yuhua': 1.2, 'baoding-jingxiu': 1.5, 'baoding-lianchi': 1.5,
  tangshan: 2, langfang: 1.5, zhangjiakou: 1.5,
  // elsewhere ~30 %
  'zhengzhou-jinshui': 2, 'zhengzhou-erqi': 1.5, xinyang: 4, 'changsha-yuelu': 3, 'hefei-shushan': 3,
  'chengdu-wuhou': 4, 'xian-yanta': 3, 'nanjing-gulou': 2, suzhou: 2, 'hangzhou-xihu': 2,
  'guangzhou-tianhe': 2, 'shenzhen-futian': 0.8, 'beijing-chaoyang': 1.5, 'shanghai-xuhui': 1.5,
};

/** Where people live and work now (cities), by weight; abroad ~15 %. */
// biome-ignore format: a table reads best one entry per line
export const RESIDENCE_WEIGHTS: Readonly<Record<string, number>> = {
  beijing: 16, shanghai: 11, shenzhen: 11, wuhan: 18, guangzhou: 4, hangzhou: 5, nanjing: 3,
  hefei: 2, chengdu: 3, xian: 2, changsha: 2, zhengzhou: 2, shijiazhuang: 2, baoding: 1, xiongan: 0.6,
  taiyuan: 1.5, yuncheng: 1.5, yichang: 1, xiangyang: 0.8,
  'san-jose': 1.8, 'san-francisco': 0.8, 'palo-alto': 0.8, 'mountain-view': 0.8, berkeley: 0.4,
  'los-angeles': 0.6, boston: 1, 'cambridge-ma': 0.8, 'new-york': 1.2, seattle: 1, berlin: 0.5,
  munich: 0.6, london: 1, 'cambridge-uk': 0.4, liverpool: 0.2, singapore: 1.2, tokyo: 0.6,
  toronto: 0.6, sydney: 0.6, zurich: 0.4, dubai: 0.2,
};

/** Share of the bureau-province natives who studied in their own province, by province. */
export const HOME_PROVINCE_STUDY_SHARE: Readonly<Record<string, number>> = {
  hubei: 0.6,
  shanxi: 0.3,
  hebei: 0.35,
};

/** Share of everyone's first degree taken at a Hubei university (the Wuhan alumni base). */
export const HUBEI_STUDY_SHARE = 0.3;
