/**
 * The roster of the import bench: invented people (real places and institutions) in the alumni
 * preset's 13 columns, with a BOM, comma-separated, as a school's office would export it.
 */
import { createWriteStream } from 'node:fs';

const surnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈';
const given = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰飞鹏辉晨宇航浩然欣怡子轩梓涵';
const cities = ['武汉', '北京', '上海', '深圳', '运城', '湖北省武汉市', '杭州', '广州'];
const schools = ['华中科技大学', '武汉大学', '武汉理工大学', 'HUST', '華中科技大學'];
const degrees = ['本科', '硕士', '博士'];

/** Writes `rows` roster rows to `path`: 2,000 employers and 40 fields, each first named by the file. */
export async function writeRoster(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  out.write(
    '\uFEFF学号,姓名,性别,出生年份,籍贯,现居城市,工作单位,职务,毕业院校,学历,毕业年份,研究领域,邮箱\n',
  );
  for (let i = 0; i < rows; i++) {
    const name = `${surnames[i % surnames.length]}${given[(i * 7) % given.length]}${given[(i * 13) % given.length]}`;
    const line = [
      `B${i}`,
      name,
      i % 2 ? '男' : '女',
      1950 + (i % 55),
      cities[i % cities.length],
      cities[(i * 3) % cities.length],
      `基准公司${i % 2000}`,
      '工程师',
      schools[i % schools.length],
      degrees[i % 3],
      1975 + (i % 45),
      `基准领域${i % 40}`,
      `p${i}@example.com`,
    ].join(',');
    if (!out.write(`${line}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
}
