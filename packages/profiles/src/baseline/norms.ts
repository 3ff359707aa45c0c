// The national norms the baseline library cites. A citation is the norm's
// short name as written in `sourceRef` (e.g. `消防法 第二十八条`, `GB 35181-2017 6.2`),
// so a reader can tell the norm from the citation alone; this list gives each
// short name its full title.

export interface NationalNorm {
  /** How a `sourceRef` names the norm, before the clause. */
  ref: string;
  title: { zh: string; en: string };
  /** 文号 or standard number and who issued it. */
  issuer: string;
  /** The version cited (in force, as amended). */
  version: string;
}

export const NATIONAL_NORMS: readonly NationalNorm[] = [
  {
    ref: "消防法",
    title: { zh: "中华人民共和国消防法", en: "Fire Protection Law of the People's Republic of China" },
    issuer: "全国人民代表大会常务委员会",
    version: "2021年4月29日修正",
  },
  {
    ref: "公安部令第61号",
    title: { zh: "机关、团体、企业、事业单位消防安全管理规定", en: "Fire safety management provisions for organs, organisations, enterprises and institutions" },
    issuer: "公安部",
    version: "2001年11月14日公布",
  },
  {
    ref: "应急管理部令第5号",
    title: { zh: "高层民用建筑消防安全管理规定", en: "Fire safety management provisions for high-rise civil buildings" },
    issuer: "应急管理部",
    version: "2021年6月21日公布，2021年8月1日起施行",
  },
  {
    ref: "住房和城乡建设部令第6号",
    title: { zh: "商品房屋租赁管理办法", en: "Measures for the administration of commercial housing leases" },
    issuer: "住房和城乡建设部",
    version: "2010年12月1日公布，2011年2月1日起施行",
  },
  {
    ref: "GB 35181-2017",
    title: { zh: "重大火灾隐患判定方法", en: "Judgement method for major fire hazards" },
    issuer: "国家标准",
    version: "GB 35181-2017",
  },
];

/** The norm a national `sourceRef` cites, by its leading short name. */
export function normOf(sourceRef: string): NationalNorm | undefined {
  return NATIONAL_NORMS.find((norm) => sourceRef.startsWith(`${norm.ref} `));
}
