/**
 * Real organisations for the demo graph: the universities, institutes, enterprises, parks and stations
 * the seed articles name, plus well-known ones people commonly study or work at. Only organisations
 * are real; every person linked to them in the demo graph is invented.
 *
 * `place` is a key of seed/places.ts, `fields` keys of seed/fields.ts. `staff` weights how often the
 * organisation is picked as an employer within its city (default by type); `alumniOf` marks an alumni
 * association's university.
 */
import type { OrganizationType } from './model.ts';

/** One organisation of the demo tables. */
export interface OrgDef {
  key: string;
  name: string;
  latinName: string;
  aliases?: readonly string[];
  type: OrganizationType;
  place: string;
  fields?: readonly string[];
  staff?: number;
  alumniOf?: string;
}

// biome-ignore format: a table reads best one entry per line
const UNIVERSITIES: readonly OrgDef[] = [
  // Hubei: the alumni base of the Wuhan bureaus
  { key: 'hust', name: '华中科技大学', latinName: 'Huazhong University of Science and Technology', aliases: ['HUST', '华科', '华中大', '华中理工大学'], type: 'university', place: 'wuhan-hongshan', fields: ['opto', 'ai', 'energy', 'equipment', 'semi', 'life', 'digital'], staff: 8 },
  { key: 'whu', name: '武汉大学', latinName: 'Wuhan University', aliases: ['WHU', '武大'], type: 'university', place: 'wuhan-wuchang', fields: ['satellite-nav', 'ai', 'biomed', 'digital', 'materials', 'life'], staff: 8 },
  { key: 'wut', name: '武汉理工大学', latinName: 'Wuhan University of Technology', aliases: ['WUT', '武理工'], type: 'university', place: 'wuhan-hongshan', fields: ['materials', 'thermoelectric-chip', 'icv', 'composites'], staff: 5 },
  { key: 'cug', name: '中国地质大学（武汉）', latinName: 'China University of Geosciences (Wuhan)', aliases: ['CUG', '地大'], type: 'university', place: 'wuhan-hongshan', fields: ['materials', 'energy', 'big-data'], staff: 4 },
  { key: 'hzau', name: '华中农业大学', latinName: 'Huazhong Agricultural University', aliases: ['HZAU', '华农'], type: 'university', place: 'wuhan-hongshan', fields: ['agri', 'synbio', 'life'], staff: 4 },
  { key: 'hubu', name: '湖北大学', latinName: 'Hubei University', aliases: ['湖大'], type: 'university', place: 'wuhan-wuchang', fields: ['materials', 'life', 'biomed'], staff: 3 },
  { key: 'ccnu', name: '华中师范大学', latinName: 'Central China Normal University', aliases: ['CCNU', '华师'], type: 'university', place: 'wuhan-hongshan', fields: ['digital', 'ai'], staff: 3 },
  { key: 'ctgu', name: '三峡大学', latinName: 'China Three Gorges University', aliases: ['CTGU'], type: 'university', place: 'yichang-xiling', fields: ['energy', 'equipment'], staff: 2 },
  { key: 'hbuas', name: '湖北文理学院', latinName: 'Hubei University of Arts and Science', type: 'university', place: 'xiangyang-xiangcheng', fields: ['icv', 'equipment'], staff: 1.5 },
  // Hebei
  { key: 'stdu', name: '石家庄铁道大学', latinName: 'Shijiazhuang Tiedao University', aliases: ['石铁大'], type: 'university', place: 'shijiazhuang-changan', fields: ['rail-equipment', 'equipment'], staff: 2 },
  { key: 'hebust', name: '河北科技大学', latinName: 'Hebei University of Science and Technology', aliases: ['河北科大'], type: 'university', place: 'shijiazhuang-yuhua', fields: ['biomed', 'materials'], staff: 2 },
  { key: 'hbu', name: '河北大学', latinName: 'Hebei University', aliases: ['河大'], type: 'university', place: 'baoding-lianchi', fields: ['life', 'materials', 'digital'], staff: 2 },
  { key: 'hebau', name: '河北农业大学', latinName: 'Hebei Agricultural University', type: 'university', place: 'baoding-lianchi', fields: ['agri'], staff: 1.5 },
  // Shanxi
  { key: 'ycu', name: '运城学院', latinName: 'Yuncheng University', type: 'university', place: 'yuncheng-yanhu', fields: ['agri', 'equipment', 'digital'], staff: 2 },
  { key: 'tyut', name: '太原理工大学', latinName: 'Taiyuan University of Technology', aliases: ['TYUT', '太理'], type: 'university', place: 'taiyuan-wanbailin', fields: ['energy', 'materials', 'equipment'], staff: 2.5 },
  { key: 'sxu', name: '山西大学', latinName: 'Shanxi University', aliases: ['山大（山西）'], type: 'university', place: 'taiyuan-xiaodian', fields: ['opto', 'life', 'digital'], staff: 2 },
  // National
  { key: 'thu', name: '清华大学', latinName: 'Tsinghua University', aliases: ['THU', '清华'], type: 'university', place: 'beijing-haidian', fields: ['ai', 'semi', 'energy', 'aerospace', 'life', 'materials'], staff: 6 },
  { key: 'pku', name: '北京大学', latinName: 'Peking University', aliases: ['PKU', '北大'], type: 'university', place: 'beijing-haidian', fields: ['ai', 'life', 'biomed', 'materials', 'digital'], staff: 6 },
  { key: 'bupt', name: '北京邮电大学', latinName: 'Beijing University of Posts and Telecommunications', aliases: ['BUPT', '北邮'], type: 'university', place: 'beijing-haidian', fields: ['optical-comm', 'ai', 'digital'], staff: 3 },
  { key: 'buaa', name: '北京航空航天大学', latinName: 'Beihang University', aliases: ['BUAA', '北航'], type: 'university', place: 'beijing-haidian', fields: ['aerospace', 'ai', 'equipment'], staff: 3 },
  { key: 'fudan', name: '复旦大学', latinName: 'Fudan University', aliases: ['复旦'], type: 'university', place: 'shanghai-yangpu', fields: ['biomed', 'semi', 'ai', 'life'], staff: 5 },
  { key: 'sjtu', name: '上海交通大学', latinName: 'Shanghai Jiao Tong University', aliases: ['SJTU', '上海交大'], type: 'university', place: 'shanghai-minhang', fields: ['equipment', 'icv', 'biomed', 'ai', 'materials'], staff: 5 },
  { key: 'zju', name: '浙江大学', latinName: 'Zhejiang University', aliases: ['ZJU', '浙大'], type: 'university', place: 'hangzhou-xihu', fields: ['ai', 'opto', 'life', 'materials'], staff: 5 },
  { key: 'nju', name: '南京大学', latinName: 'Nanjing University', aliases: ['NJU', '南大'], type: 'university', place: 'nanjing-gulou', fields: ['materials', 'opto', 'ai', 'digital'], staff: 4 },
  { key: 'ustc', name: '中国科学技术大学', latinName: 'University of Science and Technology of China', aliases: ['USTC', '中国科大', '科大'], type: 'university', place: 'hefei-baohe', fields: ['semi', 'ai', 'materials', 'life'], staff: 4 },
  { key: 'xjtu', name: '西安交通大学', latinName: "Xi'an Jiaotong University", aliases: ['XJTU', '西安交大'], type: 'university', place: 'xian-beilin', fields: ['energy', 'equipment', 'materials'], staff: 4 },
  { key: 'uestc', name: '电子科技大学', latinName: 'University of Electronic Science and Technology of China', aliases: ['UESTC', '成电'], type: 'university', place: 'chengdu-pidu', fields: ['semi', 'opto', 'ai'], staff: 4 },
  { key: 'csu', name: '中南大学', latinName: 'Central South University', aliases: ['CSU', '中南'], type: 'university', place: 'changsha-yuelu', fields: ['materials', 'biomed', 'rail-equipment'], staff: 4 },
  { key: 'zzu', name: '郑州大学', latinName: 'Zhengzhou University', aliases: ['ZZU', '郑大'], type: 'university', place: 'zhengzhou', fields: ['materials', 'biomed'], staff: 4 },
  { key: 'sustech', name: '南方科技大学', latinName: 'Southern University of Science and Technology', aliases: ['SUSTech', '南科大'], type: 'university', place: 'shenzhen-nanshan', fields: ['materials', 'semi', 'ai'], staff: 2 },
  { key: 'szu', name: '深圳大学', latinName: 'Shenzhen University', aliases: ['深大'], type: 'university', place: 'shenzhen-nanshan', fields: ['opto', 'ai'], staff: 2 },
  { key: 'sysu', name: '中山大学', latinName: 'Sun Yat-sen University', aliases: ['SYSU', '中大'], type: 'university', place: 'guangzhou-haizhu', fields: ['biomed', 'life'], staff: 4 },
  // Abroad
  { key: 'mit', name: '麻省理工学院', latinName: 'Massachusetts Institute of Technology', aliases: ['MIT', '麻省理工'], type: 'university', place: 'cambridge-ma', fields: ['ai', 'materials', 'semi', 'life'], staff: 3 },
  { key: 'harvard', name: '哈佛大学', latinName: 'Harvard University', aliases: ['Harvard'], type: 'university', place: 'cambridge-ma', fields: ['life', 'biomed'], staff: 3 },
  { key: 'stanford', name: '斯坦福大学', latinName: 'Stanford University', aliases: ['Stanford', '斯坦福'], type: 'university', place: 'palo-alto', fields: ['ai', 'semi', 'life'], staff: 3 },
  { key: 'berkeley', name: '加州大学伯克利分校', latinName: 'University of California, Berkeley', aliases: ['UC Berkeley', '伯克利'], type: 'university', place: 'berkeley', fields: ['ai', 'materials', 'energy'], staff: 3 },
  { key: 'ucla', name: '加州大学洛杉矶分校', latinName: 'University of California, Los Angeles', aliases: ['UCLA'], type: 'university', place: 'los-angeles', fields: ['biomed', 'ai'], staff: 3 },
  { key: 'ucsf', name: '加州大学旧金山分校', latinName: 'University of California, San Francisco', aliases: ['UCSF'], type: 'university', place: 'san-francisco', fields: ['biomed', 'life'], staff: 2 },
  { key: 'columbia', name: '哥伦比亚大学', latinName: 'Columbia University', aliases: ['Columbia'], type: 'university', place: 'new-york', fields: ['biomed', 'ai', 'digital'], staff: 3 },
  { key: 'uw', name: '华盛顿大学', latinName: 'University of Washington', aliases: ['UW'], type: 'university', place: 'seattle', fields: ['ai', 'life'], staff: 2 },
  { key: 'cambridge', name: '剑桥大学', latinName: 'University of Cambridge', aliases: ['Cambridge University'], type: 'university', place: 'cambridge-uk', fields: ['life', 'materials', 'ai'], staff: 3 },
  { key: 'imperial', name: '帝国理工学院', latinName: 'Imperial College London', aliases: ['Imperial', 'ICL'], type: 'university', place: 'london', fields: ['materials', 'biomed', 'ai'], staff: 3 },
  { key: 'liverpool', name: '利物浦大学', latinName: 'University of Liverpool', type: 'university', place: 'liverpool', fields: ['materials', 'microporous-polymer'], staff: 2 },
  { key: 'eth', name: '苏黎世联邦理工学院', latinName: 'ETH Zurich', aliases: ['ETH', '苏黎世联邦理工'], type: 'university', place: 'zurich', fields: ['ai', 'materials', 'equipment'], staff: 3 },
  { key: 'tum', name: '慕尼黑工业大学', latinName: 'Technical University of Munich', aliases: ['TUM', 'TU München'], type: 'university', place: 'munich', fields: ['icv', 'equipment', 'ai'], staff: 3 },
  { key: 'tub', name: '柏林工业大学', latinName: 'Technical University of Berlin', aliases: ['TU Berlin'], type: 'university', place: 'berlin', fields: ['equipment', 'energy'], staff: 2 },
  { key: 'nus', name: '新加坡国立大学', latinName: 'National University of Singapore', aliases: ['NUS', '国大'], type: 'university', place: 'singapore', fields: ['ai', 'materials', 'biomed'], staff: 3 },
  { key: 'ntu-sg', name: '南洋理工大学', latinName: 'Nanyang Technological University', aliases: ['NTU', '南洋理工'], type: 'university', place: 'singapore', fields: ['materials', 'ai', 'semi'], staff: 3 },
  { key: 'utokyo', name: '东京大学', latinName: 'The University of Tokyo', aliases: ['UTokyo', '东大'], type: 'university', place: 'tokyo', fields: ['materials', 'opto', 'life'], staff: 3 },
  { key: 'utoronto', name: '多伦多大学', latinName: 'University of Toronto', aliases: ['UofT', '多大'], type: 'university', place: 'toronto', fields: ['ai', 'biomed'], staff: 3 },
  { key: 'usyd', name: '悉尼大学', latinName: 'The University of Sydney', aliases: ['USYD'], type: 'university', place: 'sydney', fields: ['materials', 'life'], staff: 3 },
];

// biome-ignore format: a table reads best one entry per line
const INSTITUTES: readonly OrgDef[] = [
  { key: 'cas', name: '中国科学院', latinName: 'Chinese Academy of Sciences', aliases: ['CAS', '中科院'], type: 'research_institute', place: 'beijing-xicheng', fields: ['materials', 'life', 'ai'], staff: 1 },
  { key: 'cas-ia', name: '中国科学院自动化研究所', latinName: 'Institute of Automation, Chinese Academy of Sciences', aliases: ['中科院自动化所', 'CASIA'], type: 'research_institute', place: 'beijing-haidian', fields: ['ai', 'multimodal', 'cv'], staff: 2 },
  { key: 'cas-ict', name: '中国科学院计算技术研究所', latinName: 'Institute of Computing Technology, Chinese Academy of Sciences', aliases: ['中科院计算所', 'ICT'], type: 'research_institute', place: 'beijing-haidian', fields: ['ai-computing', 'ic-design'], staff: 2 },
  { key: 'cas-semi', name: '中国科学院半导体研究所', latinName: 'Institute of Semiconductors, Chinese Academy of Sciences', aliases: ['中科院半导体所'], type: 'research_institute', place: 'beijing-haidian', fields: ['semi', 'compound-semi', 'silicon-photonics'], staff: 2 },
  { key: 'cas-siat', name: '中国科学院深圳先进技术研究院', latinName: 'Shenzhen Institute of Advanced Technology, Chinese Academy of Sciences', aliases: ['深圳先进院', 'SIAT'], type: 'research_institute', place: 'shenzhen-nanshan', fields: ['synbio', 'med-device', 'robotics'], staff: 2.5 },
  { key: 'cas-apm', name: '中国科学院精密测量科学与技术创新研究院', latinName: 'Innovation Academy for Precision Measurement Science and Technology, CAS', aliases: ['中科院精密测量院'], type: 'research_institute', place: 'wuhan-wuchang', fields: ['precision-instruments', 'opto'], staff: 2 },
  { key: 'cas-ihb', name: '中国科学院水生生物研究所', latinName: 'Institute of Hydrobiology, Chinese Academy of Sciences', aliases: ['中科院水生所'], type: 'research_institute', place: 'wuhan-wuchang', fields: ['life', 'agri'], staff: 1.5 },
  { key: 'cetc54', name: '中国电子科技集团公司第五十四研究所', latinName: 'The 54th Research Institute of China Electronics Technology Group Corporation', aliases: ['中电科54所', 'CETC 54'], type: 'research_institute', place: 'shijiazhuang-qiaoxi', fields: ['satellite-nav', 'satellite-internet'], staff: 2 },
  { key: 'wneri', name: '武汉新能源研究院', latinName: 'Wuhan New Energy Research Institute', aliases: ['新能源研究院', '马蹄莲'], type: 'rnd_institute', place: 'wuhan-donghu', fields: ['energy', 'storage', 'nano-energy-materials'], staff: 1.5 },
  { key: 'wiid', name: '武汉产业创新发展研究院', latinName: 'Wuhan Institute of Industrial Innovation and Development', aliases: ['武创院'], type: 'rnd_institute', place: 'wuhan-donghu', fields: ['industrial-software', 'equipment', 'ai'], staff: 1.5 },
  { key: 'wiai', name: '武汉人工智能研究院', latinName: 'Wuhan Institute of Artificial Intelligence', aliases: ['武智院'], type: 'rnd_institute', place: 'wuhan-donghu', fields: ['multimodal', 'large-model', 'ai-computing'], staff: 1.5 },
  { key: 'yc-carbon', name: '运城碳中和产业研究院', latinName: 'Yuncheng Carbon Neutrality Industry Research Institute', type: 'rnd_institute', place: 'yuncheng', fields: ['carbon-neutral', 'energy'], staff: 0.8 },
  { key: 'wnlo', name: '武汉光电国家研究中心', latinName: 'Wuhan National Laboratory for Optoelectronics', aliases: ['WNLO', '光电国家研究中心'], type: 'key_lab', place: 'wuhan-hongshan', fields: ['opto', 'laser', 'optical-comm'], staff: 1.5 },
  { key: 'sklwut', name: '材料复合新技术国家重点实验室', latinName: 'State Key Laboratory of Advanced Technology for Materials Synthesis and Processing', aliases: ['材料复合新技术国家重点实验室（武汉理工大学）'], type: 'key_lab', place: 'wuhan-hongshan', fields: ['thermoelectric-material', 'composites'], staff: 1 },
  { key: 'ovl', name: '光谷实验室', latinName: 'Optics Valley Laboratory', aliases: ['湖北光谷实验室'], type: 'key_lab', place: 'wuhan-donghu', fields: ['opto', 'silicon-photonics', 'laser'], staff: 1 },
];

// biome-ignore format: a table reads best one entry per line
const ENTERPRISES: readonly OrgDef[] = [
  // Optics Valley
  { key: 'ymtc', name: '长江存储科技有限责任公司', latinName: 'Yangtze Memory Technologies Co., Ltd.', aliases: ['长江存储', 'YMTC'], type: 'enterprise', place: 'wuhan-donghu', fields: ['memory-chip', '3d-nand', 'ic-manufacturing'], staff: 4 },
  { key: 'fiberhome', name: '烽火通信科技股份有限公司', latinName: 'FiberHome Telecommunication Technologies Co., Ltd.', aliases: ['烽火通信', '烽火', 'FiberHome'], type: 'enterprise', place: 'wuhan-donghu', fields: ['optical-comm', 'optical-module'], staff: 3 },
  { key: 'yofc', name: '长飞光纤光缆股份有限公司', latinName: 'Yangtze Optical Fibre and Cable Joint Stock Limited Company', aliases: ['长飞光纤', '长飞', 'YOFC'], type: 'enterprise', place: 'wuhan-donghu', fields: ['optical-fiber'], staff: 2.5 },
  { key: 'hgtech', name: '华工科技产业股份有限公司', latinName: 'HGTECH Co., Ltd.', aliases: ['华工科技', 'HGTECH'], type: 'enterprise', place: 'wuhan-donghu', fields: ['laser-processing', 'optical-module'], staff: 2.5 },
  { key: 'raycus', name: '武汉锐科光纤激光技术股份有限公司', latinName: 'Wuhan Raycus Fiber Laser Technologies Co., Ltd.', aliases: ['锐科激光', 'Raycus'], type: 'enterprise', place: 'wuhan-donghu', fields: ['fiber-laser'], staff: 2 },
  { key: 'accelink', name: '武汉光迅科技股份有限公司', latinName: 'Accelink Technologies Co., Ltd.', aliases: ['光迅科技', 'Accelink'], type: 'enterprise', place: 'wuhan-donghu', fields: ['optical-module', 'silicon-photonics'], staff: 2 },
  { key: 'guide-ir', name: '武汉高德红外股份有限公司', latinName: 'Wuhan Guide Infrared Co., Ltd.', aliases: ['高德红外'], type: 'enterprise', place: 'wuhan-donghu', fields: ['infrared'], staff: 2 },
  { key: 'xiaoan', name: '武汉小安科技有限公司', latinName: 'Wuhan Xiaoan Technology Co., Ltd.', aliases: ['小安科技'], type: 'enterprise', place: 'wuhan-donghu', fields: ['icv', 'big-data'], staff: 0.5 },
  { key: 'dongfeng', name: '东风汽车集团有限公司', latinName: 'Dongfeng Motor Corporation', aliases: ['东风汽车', '东风'], type: 'enterprise', place: 'wuhan-jingkai', fields: ['icv', 'autonomous-driving', 'e-drive'], staff: 3 },
  { key: 'xingfa', name: '湖北兴发化工集团股份有限公司', latinName: 'Hubei Xingfa Chemicals Group Co., Ltd.', aliases: ['兴发集团'], type: 'enterprise', place: 'yichang', fields: ['materials'], staff: 1.5 },
  // Hebei and Shanxi
  { key: 'yiling', name: '石家庄以岭药业股份有限公司', latinName: 'Shijiazhuang Yiling Pharmaceutical Co., Ltd.', aliases: ['以岭药业', 'Yiling Pharmaceutical', '以岭'], type: 'enterprise', place: 'shijiazhuang-gaoxin', fields: ['innovative-drug', 'cardio-drug', 'tcm'], staff: 2.5 },
  { key: 'cspc', name: '石药集团有限公司', latinName: 'CSPC Pharmaceutical Group Limited', aliases: ['石药集团', 'CSPC'], type: 'enterprise', place: 'shijiazhuang', fields: ['innovative-drug', 'antibody-drug'], staff: 2.5 },
  { key: 'yingli', name: '英利集团', latinName: 'Yingli Group', aliases: ['英利', 'Yingli Solar'], type: 'enterprise', place: 'baoding', fields: ['pv'], staff: 1.5 },
  { key: 'satnet', name: '中国卫星网络集团有限公司', latinName: 'China Satellite Network Group Co., Ltd.', aliases: ['中国星网'], type: 'enterprise', place: 'xiongan', fields: ['satellite-internet'], staff: 1 },
  { key: 'sinochem', name: '中国中化控股有限责任公司', latinName: 'Sinochem Holdings Corporation Ltd.', aliases: ['中国中化', 'Sinochem'], type: 'enterprise', place: 'xiongan', fields: ['materials', 'agri'], staff: 1 },
  { key: 'crrc-yongji', name: '中车永济电机有限公司', latinName: 'CRRC Yongji Electric Co., Ltd.', aliases: ['中车永济电机', '永济电机'], type: 'enterprise', place: 'yuncheng-yongji', fields: ['traction-motor', 'rail-equipment'], staff: 1.5 },
  { key: 'yabao', name: '亚宝药业集团股份有限公司', latinName: 'Yabao Pharmaceutical Group Co., Ltd.', aliases: ['亚宝药业'], type: 'enterprise', place: 'yuncheng-ruicheng', fields: ['tcm-patch', 'tcm'], staff: 1.5 },
  // National
  { key: 'huawei', name: '华为技术有限公司', latinName: 'Huawei Technologies Co., Ltd.', aliases: ['华为', 'Huawei'], type: 'enterprise', place: 'shenzhen-longgang', fields: ['optical-comm', 'ai', 'ic-design', 'ai-computing'], staff: 8 },
  { key: 'tencent', name: '腾讯科技（深圳）有限公司', latinName: 'Tencent', aliases: ['腾讯', 'Tencent'], type: 'enterprise', place: 'shenzhen-nanshan', fields: ['ai', 'large-model', 'big-data'], staff: 6 },
  { key: 'byd', name: '比亚迪股份有限公司', latinName: 'BYD Company Limited', aliases: ['比亚迪', 'BYD'], type: 'enterprise', place: 'shenzhen-pingshan', fields: ['icv', 'lithium-ion', 'e-drive'], staff: 4 },
  { key: 'dji', name: '深圳市大疆创新科技有限公司', latinName: 'DJI', aliases: ['大疆', 'DJI'], type: 'enterprise', place: 'shenzhen-nanshan', fields: ['robotics', 'cv'], staff: 2 },
  { key: 'alibaba', name: '阿里巴巴集团', latinName: 'Alibaba Group', aliases: ['阿里巴巴', '阿里', 'Alibaba'], type: 'enterprise', place: 'hangzhou-yuhang', fields: ['ai', 'llm', 'big-data', 'ai-computing'], staff: 6 },
  { key: 'hikvision', name: '杭州海康威视数字技术股份有限公司', latinName: 'Hikvision', aliases: ['海康威视', 'Hikvision'], type: 'enterprise', place: 'hangzhou-binjiang', fields: ['cv', 'infrared'], staff: 3 },
  { key: 'bytedance', name: '北京字节跳动科技有限公司', latinName: 'ByteDance', aliases: ['字节跳动', '字节', 'ByteDance'], type: 'enterprise', place: 'beijing-haidian', fields: ['large-model', 'multimodal', 'big-data'], staff: 6 },
  { key: 'baidu', name: '百度在线网络技术（北京）有限公司', latinName: 'Baidu', aliases: ['百度', 'Baidu'], type: 'enterprise', place: 'beijing-haidian', fields: ['llm', 'autonomous-driving', 'ai'], staff: 5 },
  { key: 'xiaomi', name: '小米科技有限责任公司', latinName: 'Xiaomi', aliases: ['小米', 'Xiaomi'], type: 'enterprise', place: 'beijing-haidian', fields: ['icv', 'robotics'], staff: 4 },
  { key: 'sensetime', name: '商汤科技', latinName: 'SenseTime', aliases: ['商汤', 'SenseTime'], type: 'enterprise', place: 'shanghai-xuhui', fields: ['cv', 'large-model'], staff: 3 },
  { key: 'iflytek', name: '科大讯飞股份有限公司', latinName: 'iFLYTEK Co., Ltd.', aliases: ['科大讯飞', '讯飞', 'iFLYTEK'], type: 'enterprise', place: 'hefei-shushan', fields: ['llm', 'ai'], staff: 3 },
  // Abroad
  { key: 'google', name: '谷歌', latinName: 'Google', aliases: ['Google LLC'], type: 'enterprise', place: 'mountain-view', fields: ['ai', 'large-model'], staff: 4 },
  { key: 'cisco', name: '思科', latinName: 'Cisco Systems', aliases: ['Cisco'], type: 'enterprise', place: 'san-jose', fields: ['optical-comm', 'ic-design'], staff: 3 },
  { key: 'amazon', name: '亚马逊', latinName: 'Amazon', aliases: ['Amazon'], type: 'enterprise', place: 'seattle', fields: ['ai', 'big-data'], staff: 3 },
  { key: 'siemens', name: '西门子', latinName: 'Siemens AG', aliases: ['Siemens'], type: 'enterprise', place: 'munich', fields: ['industrial-software', 'equipment'], staff: 3 },
];

// biome-ignore format: a table reads best one entry per line
const HOSPITALS: readonly OrgDef[] = [
  { key: 'tongji-hosp', name: '华中科技大学同济医学院附属同济医院', latinName: 'Tongji Hospital, Tongji Medical College, HUST', aliases: ['同济医院'], type: 'hospital', place: 'wuhan-qiaokou', fields: ['biomed', 'med-imaging'], staff: 2.5 },
  { key: 'union-hosp', name: '华中科技大学同济医学院附属协和医院', latinName: 'Union Hospital, Tongji Medical College, HUST', aliases: ['协和医院', '武汉协和'], type: 'hospital', place: 'wuhan-jianghan', fields: ['biomed'], staff: 2.5 },
  { key: 'whu-renmin', name: '武汉大学人民医院', latinName: 'Renmin Hospital of Wuhan University', aliases: ['湖北省人民医院'], type: 'hospital', place: 'wuhan-wuchang', fields: ['biomed'], staff: 2 },
  { key: 'mgh', name: '麻省总医院', latinName: 'Massachusetts General Hospital', aliases: ['MGH'], type: 'hospital', place: 'boston', fields: ['biomed', 'med-imaging'], staff: 3 },
  { key: 'charite', name: '柏林夏里特医学院', latinName: 'Charité – Universitätsmedizin Berlin', aliases: ['Charité'], type: 'hospital', place: 'berlin', fields: ['biomed'], staff: 2 },
];

// biome-ignore format: a table reads best one entry per line
const PARKS_AND_INCUBATORS: readonly OrgDef[] = [
  { key: 'wisp', name: '武汉留学生创业园', latinName: 'Wuhan International Students Pioneer Park', aliases: ['留创园'], type: 'incubator', place: 'wuhan-donghu', fields: ['opto', 'ai', 'life'], staff: 0.5 },
  { key: 'ov-cafe', name: '光谷创业咖啡', latinName: 'Optics Valley Venture Cafe', type: 'incubator', place: 'wuhan-donghu', staff: 0.3 },
  { key: 'yanhu-incubator', name: '盐湖高新区科技企业孵化器', latinName: 'Yanhu High-tech Zone Technology Business Incubator', type: 'incubator', place: 'yuncheng-yanhu', staff: 0.3 },
  { key: 'biolake', name: '光谷生物城', latinName: 'Optics Valley Biolake', aliases: ['武汉国家生物产业基地', 'Biolake'], type: 'industrial_park', place: 'wuhan-donghu', fields: ['life', 'biomed', 'synbio'], staff: 0.5 },
  { key: 'ov-software-park', name: '光谷软件园', latinName: 'Optics Valley Software Park', type: 'industrial_park', place: 'wuhan-donghu', fields: ['digital'], staff: 0.3 },
  { key: 'yc-tech-city', name: '运城科创城', latinName: 'Yuncheng Science and Technology Innovation City', type: 'industrial_park', place: 'yuncheng-yanhu', staff: 0.3 },
  { key: 'linyi-park', name: '临猗县科技创新产业园', latinName: 'Linyi County Science and Technology Innovation Industrial Park', type: 'industrial_park', place: 'yuncheng-linyi', staff: 0.2 },
  { key: 'zgc', name: '中关村科技园区', latinName: 'Zhongguancun Science Park', aliases: ['中关村'], type: 'industrial_park', place: 'beijing-haidian', staff: 0.3 },
  { key: 'zhangjiang', name: '张江高科技园区', latinName: 'Zhangjiang Hi-Tech Park', aliases: ['张江科学城'], type: 'industrial_park', place: 'shanghai-pudong', fields: ['semi', 'biomed'], staff: 0.5 },
  { key: 'dso', name: '迪拜硅绿洲', latinName: 'Dubai Silicon Oasis', type: 'industrial_park', place: 'dubai', staff: 0.5 },
];

// biome-ignore format: a table reads best one entry per line
const PUBLIC_BODIES: readonly OrgDef[] = [
  { key: 'wh-bureau', name: '武汉市招才局', latinName: 'Wuhan Talent Recruitment Bureau', aliases: ['武汉招才局'], type: 'government', place: 'wuhan', staff: 0.3 },
  { key: 'ov-committee', name: '东湖新技术开发区管理委员会', latinName: 'East Lake High-tech Zone Administrative Committee', aliases: ['东湖高新区管委会', '光谷管委会'], type: 'government', place: 'wuhan-donghu', staff: 0.3 },
  { key: 'ov-bureau', name: '东湖高新区招才局', latinName: 'East Lake High-tech Zone Talent Recruitment Bureau', aliases: ['光谷招才局'], type: 'government', place: 'wuhan-donghu', staff: 0.2 },
  { key: 'yc-talent-center', name: '运城市高层次人才服务中心', latinName: 'Yuncheng High-level Talent Service Center', aliases: ['运城市省校合作服务中心'], type: 'government', place: 'yuncheng', staff: 0.3 },
  { key: 'xa-committee', name: '雄安新区管理委员会', latinName: "Xiong'an New Area Administrative Committee", aliases: ['雄安新区管委会'], type: 'government', place: 'xiongan', staff: 0.5 },
  { key: 'wh-talent-group', name: '武汉人才集团有限公司', latinName: 'Wuhan Talent Group Co., Ltd.', aliases: ['武汉人才集团'], type: 'headhunter', place: 'wuhan', staff: 0.5 },
  { key: 'cdp', name: '科锐国际人力资源股份有限公司', latinName: 'CDP Group', aliases: ['科锐国际'], type: 'headhunter', place: 'beijing-chaoyang', staff: 0.5 },
  { key: 'ov-station-sh', name: '光谷上海人才服务站', latinName: 'Optics Valley Talent Station Shanghai', aliases: ['光谷站（上海）'], type: 'talent_station', place: 'shanghai-pudong', staff: 0.1 },
  { key: 'ov-station-bj', name: '光谷北京人才服务站', latinName: 'Optics Valley Talent Station Beijing', aliases: ['光谷站（北京）'], type: 'talent_station', place: 'beijing-haidian', staff: 0.1 },
  { key: 'ov-station-sz', name: '光谷深圳人才服务站', latinName: 'Optics Valley Talent Station Shenzhen', aliases: ['光谷站（深圳）'], type: 'talent_station', place: 'shenzhen-nanshan', staff: 0.1 },
  { key: 'ov-station-sv', name: '光谷硅谷人才服务站', latinName: 'Optics Valley Talent Station Silicon Valley', aliases: ['光谷站（硅谷）'], type: 'talent_station', place: 'san-jose', staff: 0.1 },
  { key: 'yc-uae-station', name: '运城市阿联酋海外侨务工作联络站', latinName: 'Yuncheng Overseas Chinese Liaison Station in the UAE', type: 'talent_station', place: 'dubai', staff: 0.1 },
  { key: 'mm-alliance', name: '多模态大模型产业联盟', latinName: 'Multimodal Large Model Industry Alliance', type: 'alliance', place: 'wuhan-donghu', fields: ['multimodal'] },
  { key: 'xa-city-federation', name: '雄安智能城市创新联合会', latinName: "Xiong'an Intelligent City Innovation Federation", type: 'alliance', place: 'xiongan', fields: ['smart-city', 'v2x'] },
  { key: 'zjk-snow-alliance', name: '张家口冰雪产业人才联盟', latinName: 'Zhangjiakou Ice and Snow Industry Talent Alliance', type: 'alliance', place: 'zhangjiakou' },
  { key: 'ovfh', name: '光谷金融控股集团有限公司', latinName: 'Optics Valley Financial Holding Group', aliases: ['光谷金控'], type: 'investor', place: 'wuhan-donghu', staff: 0.3 },
  { key: 'cjiig', name: '湖北长江产业投资集团有限公司', latinName: 'Hubei Changjiang Industry Investment Group', aliases: ['长江产业投资集团', '长江产投'], type: 'investor', place: 'wuhan', staff: 0.3 },
  { key: 'szvc', name: '深圳市创新投资集团有限公司', latinName: 'Shenzhen Capital Group', aliases: ['深创投'], type: 'investor', place: 'shenzhen-futian', staff: 0.3 },
];

// biome-ignore format: a table reads best one entry per line
const ASSOCIATIONS: readonly OrgDef[] = [
  { key: 'hust-aa-bj', name: '华中科技大学北京校友会', latinName: 'HUST Alumni Association in Beijing', type: 'alumni_association', place: 'beijing', alumniOf: 'hust' },
  { key: 'hust-aa-sh', name: '华中科技大学上海校友会', latinName: 'HUST Alumni Association in Shanghai', type: 'alumni_association', place: 'shanghai', alumniOf: 'hust' },
  { key: 'hust-aa-sz', name: '华中科技大学深圳校友会', latinName: 'HUST Alumni Association in Shenzhen', type: 'alumni_association', place: 'shenzhen', alumniOf: 'hust' },
  { key: 'hust-aa-sv', name: '华中科技大学北美校友会', latinName: 'HUST Alumni Association of North America', type: 'alumni_association', place: 'san-jose', alumniOf: 'hust' },
  { key: 'whu-aa-bj', name: '武汉大学北京校友会', latinName: 'Wuhan University Alumni Association in Beijing', type: 'alumni_association', place: 'beijing', alumniOf: 'whu' },
  { key: 'whu-aa-sh', name: '武汉大学上海校友会', latinName: 'Wuhan University Alumni Association in Shanghai', type: 'alumni_association', place: 'shanghai', alumniOf: 'whu' },
  { key: 'whu-aa-sz', name: '武汉大学深圳校友会', latinName: 'Wuhan University Alumni Association in Shenzhen', type: 'alumni_association', place: 'shenzhen', alumniOf: 'whu' },
  { key: 'wut-aa-sh', name: '武汉理工大学上海校友会', latinName: 'WUT Alumni Association in Shanghai', type: 'alumni_association', place: 'shanghai', alumniOf: 'wut' },
  { key: 'wut-aa-sz', name: '武汉理工大学深圳校友会', latinName: 'WUT Alumni Association in Shenzhen', type: 'alumni_association', place: 'shenzhen', alumniOf: 'wut' },
  { key: 'cug-aa-bj', name: '中国地质大学（武汉）北京校友会', latinName: 'CUG (Wuhan) Alumni Association in Beijing', type: 'alumni_association', place: 'beijing', alumniOf: 'cug' },
  { key: 'hzau-aa-bj', name: '华中农业大学北京校友会', latinName: 'HZAU Alumni Association in Beijing', type: 'alumni_association', place: 'beijing', alumniOf: 'hzau' },
  { key: 'ycu-aa-bj', name: '运城学院北京校友会', latinName: 'Yuncheng University Alumni Association in Beijing', type: 'alumni_association', place: 'beijing', alumniOf: 'ycu' },
  { key: 'tyut-aa-bj', name: '太原理工大学北京校友会', latinName: 'TYUT Alumni Association in Beijing', type: 'alumni_association', place: 'beijing', alumniOf: 'tyut' },
  { key: 'cast-usa', name: '中国旅美科技协会', latinName: 'Chinese Association for Science and Technology, USA', aliases: ['CAST-USA'], type: 'overseas_association', place: 'new-york' },
  { key: 'scea', name: '硅谷中国工程师协会', latinName: 'Silicon Valley Chinese Engineers Association', aliases: ['SCEA'], type: 'overseas_association', place: 'san-jose' },
  { key: 'huayuan', name: '新加坡华源会', latinName: 'Huayuan Association Singapore', type: 'overseas_association', place: 'singapore' },
  { key: 'acssg', name: '全德中国学者学生联合会', latinName: 'Association of Chinese Students and Scholars in Germany', aliases: ['全德学联'], type: 'overseas_association', place: 'berlin' },
  { key: 'cssauk', name: '全英中国学生学者联合会', latinName: 'Chinese Students and Scholars Association UK', aliases: ['全英学联', 'CSSAUK'], type: 'overseas_association', place: 'london' },
  { key: 'acpj', name: '日本华人教授会议', latinName: 'Association of Chinese Professors in Japan', type: 'overseas_association', place: 'tokyo' },
  { key: 'uae-shanxi', name: '阿联酋山西商会暨同乡会', latinName: 'UAE Shanxi Chamber of Commerce and Fellow Townsmen Association', type: 'overseas_association', place: 'dubai' },
];

/** Every organisation in the demo graph. */
export const INSTITUTIONS: readonly OrgDef[] = [
  ...UNIVERSITIES,
  ...INSTITUTES,
  ...ENTERPRISES,
  ...HOSPITALS,
  ...PARKS_AND_INCUBATORS,
  ...PUBLIC_BODIES,
  ...ASSOCIATIONS,
];
