/**
 * The field taxonomy for the demo graph (industries > sub-fields > specialities), shaped after the
 * industry chains the articles name: optoelectronics, life and health, AI, semiconductors, new energy.
 * `majors` (top level only) are the university majors people in that industry studied; they are seed
 * metadata, not graph properties.
 */
export interface FieldDef {
  key: string;
  name: string;
  latinName: string;
  aliases?: readonly string[];
  parent?: string;
  majors?: readonly string[];
}

/** Every field, parents before children. */
// biome-ignore format: a table reads best one entry per line
export const FIELDS: readonly FieldDef[] = [
  {
    key: 'opto',
    name: '光电子信息',
    latinName: 'Optoelectronic Information',
    aliases: ['光电信息', '光电子'],
    majors: ['光学工程', '光电信息科学与工程', '电子科学与技术', '通信工程'],
  },
  { key: 'laser', name: '激光', latinName: 'Lasers', aliases: ['激光技术'], parent: 'opto' },
  { key: 'fiber-laser', name: '光纤激光器', latinName: 'Fiber Lasers', parent: 'laser' },
  { key: 'ultrafast-laser', name: '超快激光', latinName: 'Ultrafast Lasers', parent: 'laser' },
  { key: 'laser-processing', name: '激光加工', latinName: 'Laser Materials Processing', parent: 'laser' },
  { key: 'optical-comm', name: '光通信', latinName: 'Optical Communication', parent: 'opto' },
  { key: 'optical-fiber', name: '光纤光缆', latinName: 'Optical Fiber and Cable', parent: 'optical-comm' },
  { key: 'optical-module', name: '光模块', latinName: 'Optical Transceiver Modules', parent: 'optical-comm' },
  { key: 'silicon-photonics', name: '硅光', latinName: 'Silicon Photonics', aliases: ['硅基光电子'], parent: 'optical-comm' },
  { key: 'infrared', name: '红外成像', latinName: 'Infrared Imaging', aliases: ['红外热成像'], parent: 'opto' },
  { key: 'new-display', name: '新型显示', latinName: 'Advanced Displays', parent: 'opto' },
  { key: 'oled', name: 'OLED显示', latinName: 'OLED Displays', parent: 'new-display' },

  {
    key: 'life',
    name: '生命健康',
    latinName: 'Life and Health',
    aliases: ['大健康'],
    majors: ['生物工程', '生物科学', '生物技术', '临床医学', '生物医学工程'],
  },
  { key: 'synbio', name: '合成生物学', latinName: 'Synthetic Biology', aliases: ['合成生物'], parent: 'life' },
  { key: 'functional-protein', name: '功能蛋白', latinName: 'Functional Proteins', parent: 'synbio' },
  { key: 'cell-factory', name: '细胞工厂', latinName: 'Cell Factories', parent: 'synbio' },
  { key: 'gene-editing', name: '基因编辑', latinName: 'Gene Editing', parent: 'synbio' },
  { key: 'stem-cell', name: '干细胞与再生医学', latinName: 'Stem Cells and Regenerative Medicine', parent: 'life' },
  { key: 'ipsc', name: '诱导多能干细胞', latinName: 'Induced Pluripotent Stem Cells', aliases: ['iPSC'], parent: 'stem-cell' },
  { key: 'med-device', name: '高端医疗器械', latinName: 'High-end Medical Devices', parent: 'life' },
  { key: 'med-imaging', name: '医学影像', latinName: 'Medical Imaging', parent: 'med-device' },

  {
    key: 'biomed',
    name: '生物医药',
    latinName: 'Biomedicine',
    aliases: ['生物医药产业'],
    majors: ['药学', '药物化学', '中药学', '生物制药'],
  },
  { key: 'innovative-drug', name: '创新药', latinName: 'Innovative Drugs', aliases: ['新药研发'], parent: 'biomed' },
  { key: 'cardio-drug', name: '心血管药物', latinName: 'Cardiovascular Drugs', parent: 'innovative-drug' },
  { key: 'antibody-drug', name: '抗体药物', latinName: 'Antibody Drugs', parent: 'innovative-drug' },
  { key: 'tcm', name: '中医药', latinName: 'Traditional Chinese Medicine', aliases: ['中药', 'TCM'], parent: 'biomed' },
  { key: 'tcm-patch', name: '中药贴敷', latinName: 'TCM Transdermal Patches', parent: 'tcm' },
  { key: 'vaccine', name: '疫苗', latinName: 'Vaccines', parent: 'biomed' },

  {
    key: 'ai',
    name: '人工智能',
    latinName: 'Artificial Intelligence',
    aliases: ['AI', '智能科学'],
    majors: ['计算机科学与技术', '人工智能', '软件工程', '控制科学与工程', '数学与应用数学'],
  },
  { key: 'large-model', name: '大模型', latinName: 'Large Models', aliases: ['基础模型', 'Foundation Models'], parent: 'ai' },
  { key: 'multimodal', name: '多模态大模型', latinName: 'Multimodal Large Models', parent: 'large-model' },
  { key: 'llm', name: '大语言模型', latinName: 'Large Language Models', aliases: ['LLM'], parent: 'large-model' },
  { key: 'cv', name: '计算机视觉', latinName: 'Computer Vision', parent: 'ai' },
  { key: 'ai-computing', name: '智能算力', latinName: 'AI Computing Infrastructure', aliases: ['智算'], parent: 'ai' },
  { key: 'robotics', name: '智能机器人', latinName: 'Intelligent Robotics', parent: 'ai' },
  { key: 'embodied-ai', name: '具身智能', latinName: 'Embodied AI', parent: 'robotics' },

  {
    key: 'semi',
    name: '半导体',
    latinName: 'Semiconductors',
    aliases: ['集成电路', '芯片'],
    majors: ['微电子科学与工程', '集成电路设计与集成系统', '材料物理', '电子科学与技术'],
  },
  { key: 'thermoelectric-chip', name: '热电芯片', latinName: 'Thermoelectric Chips', aliases: ['半导体热电'], parent: 'semi' },
  { key: 'thermoelectric-material', name: '半导体热电材料', latinName: 'Thermoelectric Materials', parent: 'thermoelectric-chip' },
  { key: 'memory-chip', name: '存储芯片', latinName: 'Memory Chips', parent: 'semi' },
  { key: '3d-nand', name: '3D NAND闪存', latinName: '3D NAND Flash', parent: 'memory-chip' },
  { key: 'ic-design', name: '芯片设计', latinName: 'IC Design', aliases: ['集成电路设计'], parent: 'semi' },
  { key: 'ic-manufacturing', name: '集成电路制造', latinName: 'IC Manufacturing', aliases: ['晶圆制造'], parent: 'semi' },
  { key: 'compound-semi', name: '化合物半导体', latinName: 'Compound Semiconductors', parent: 'semi' },

  {
    key: 'energy',
    name: '新能源',
    latinName: 'New Energy',
    aliases: ['清洁能源'],
    majors: ['新能源科学与工程', '电气工程及其自动化', '化学工程与工艺', '能源与动力工程'],
  },
  { key: 'storage', name: '储能', latinName: 'Energy Storage', parent: 'energy' },
  { key: 'sodium-ion', name: '钠离子电池', latinName: 'Sodium-ion Batteries', parent: 'storage' },
  { key: 'lithium-ion', name: '锂离子电池', latinName: 'Lithium-ion Batteries', parent: 'storage' },
  { key: 'flow-battery', name: '液流电池', latinName: 'Flow Batteries', parent: 'storage' },
  { key: 'hydrogen', name: '氢能', latinName: 'Hydrogen Energy', parent: 'energy' },
  { key: 'fuel-cell', name: '燃料电池', latinName: 'Fuel Cells', parent: 'hydrogen' },
  { key: 'pv', name: '光伏', latinName: 'Photovoltaics', aliases: ['太阳能电池'], parent: 'energy' },
  { key: 'carbon-neutral', name: '碳中和技术', latinName: 'Carbon Neutrality Technologies', parent: 'energy' },

  {
    key: 'materials',
    name: '新材料',
    latinName: 'Advanced Materials',
    aliases: ['先进材料'],
    majors: ['材料科学与工程', '高分子材料与工程', '无机非金属材料工程', '化学'],
  },
  { key: 'composites', name: '复合材料', latinName: 'Composite Materials', parent: 'materials' },
  { key: 'nano-energy-materials', name: '纳米能源材料', latinName: 'Nano-energy Materials', parent: 'materials' },
  { key: 'microporous-polymer', name: '有机微孔聚合物', latinName: 'Organic Microporous Polymers', parent: 'nano-energy-materials' },
  { key: 'advanced-ceramics', name: '先进陶瓷', latinName: 'Advanced Ceramics', parent: 'materials' },

  {
    key: 'icv',
    name: '智能网联汽车',
    latinName: 'Intelligent Connected Vehicles',
    aliases: ['智能汽车', '新能源汽车'],
    majors: ['车辆工程', '机械工程', '交通运输', '自动化'],
  },
  { key: 'autonomous-driving', name: '自动驾驶', latinName: 'Autonomous Driving', aliases: ['无人驾驶'], parent: 'icv' },
  { key: 'v2x', name: '车路协同', latinName: 'Vehicle-Road Collaboration', aliases: ['V2X'], parent: 'icv' },
  { key: 'e-drive', name: '电驱动系统', latinName: 'Electric Drive Systems', parent: 'icv' },
  { key: 'traction-motor', name: '牵引电机', latinName: 'Traction Motors', parent: 'e-drive' },

  {
    key: 'aerospace',
    name: '航空航天',
    latinName: 'Aerospace',
    aliases: ['空天'],
    majors: ['航空航天工程', '飞行器设计与工程', '导航工程', '力学'],
  },
  { key: 'commercial-space', name: '商业航天', latinName: 'Commercial Space', parent: 'aerospace' },
  { key: 'launch-vehicle', name: '运载火箭', latinName: 'Launch Vehicles', parent: 'commercial-space' },
  { key: 'satellite-nav', name: '卫星导航', latinName: 'Satellite Navigation', aliases: ['北斗'], parent: 'aerospace' },
  { key: 'satellite-internet', name: '卫星互联网', latinName: 'Satellite Internet', parent: 'aerospace' },

  {
    key: 'digital',
    name: '数字经济',
    latinName: 'Digital Economy',
    majors: ['计算机科学与技术', '软件工程', '信息管理与信息系统', '经济学'],
  },
  { key: 'big-data', name: '大数据', latinName: 'Big Data', parent: 'digital' },
  { key: 'blockchain', name: '区块链', latinName: 'Blockchain', parent: 'digital' },
  { key: 'industrial-software', name: '工业软件', latinName: 'Industrial Software', parent: 'digital' },
  { key: 'cae', name: '设计仿真软件', latinName: 'CAD/CAE Software', aliases: ['CAE', 'CAD'], parent: 'industrial-software' },
  { key: 'smart-city', name: '智慧城市', latinName: 'Smart Cities', parent: 'digital' },

  {
    key: 'equipment',
    name: '高端装备',
    latinName: 'High-end Equipment',
    aliases: ['智能制造'],
    majors: ['机械工程', '机械设计制造及其自动化', '测控技术与仪器'],
  },
  { key: 'rail-equipment', name: '轨道交通装备', latinName: 'Rail Transit Equipment', parent: 'equipment' },
  { key: 'precision-instruments', name: '精密仪器', latinName: 'Precision Instruments', parent: 'equipment' },

  {
    key: 'agri',
    name: '现代农业',
    latinName: 'Modern Agriculture',
    majors: ['农学', '动物科学', '植物保护', '食品科学与工程'],
  },
  { key: 'bio-breeding', name: '生物育种', latinName: 'Biological Breeding', parent: 'agri' },
  { key: 'feed-enzyme', name: '饲料酶制剂', latinName: 'Feed Enzymes', parent: 'agri' },
];
