/*
 * The HH custom functions. The JSDoc below is the contract: custom-functions-metadata-plugin turns
 * it into functions.json, and `hh eval` registers these same functions in HyperFormula from it.
 * Every function answers synchronously from the in-memory dataset (the lookups, while the add-in's
 * dataset file is still loading, with a promise) and returns an Excel error value (with a message
 * where Excel shows one) instead of throwing.
 */
import { checkLength } from "../core/args";
import { cagr, baseBeforeGrowth, project as projectValue, yoy } from "../core/growth";
import * as q from "../core/query";
import { excelResult } from "./excel-errors";
import { live, lookup } from "./live";
import { workbook } from "../runtime/date-system";

/** The as_of argument with the date system of the workbook its serial comes from. */
const asOf = (as_of: unknown) => ({ asOf: as_of, dateSystem: workbook.dateSystem });

/**
 * 指标的报告值:实际值,无实际值时取预计值。Reported level: the actual, or the estimate (预计) where no actual exists.
 * @customfunction VALUE
 * @helpurl https://localhost:3000/help.html#value
 * @param indicator 指标名称、别名或ID,如 "地区生产总值" / Indicator name, alias or id, e.g. "GDP"
 * @param period 年份 2022,或期间 "2021-2025"、"十四五" / Year 2022, span "2021-2025" or 十四五
 * @param [region] 地区,默认呼和浩特市(全市) / Region; defaults to the city, 呼和浩特市
 * @param [unit] 换算单位,如 "万元" / Unit to convert to, e.g. "万元"
 * @param [as_of] 截至日期:只用此日(含)之前公布的数据,如 "2024-03-01" 或 Excel 日期 / As known on this date: only publications up to it, e.g. "2024-03-01" or an Excel date
 * @returns 数值(百分比为小数) / The value (percentages as fractions)
 */
export function value(indicator: string, period: any, region?: string, unit?: string, as_of?: any): number {
  return lookup(() =>
    q.value(live.store, {
      indicator,
      period,
      region,
      unit: checkLength("unit", unit),
      ...asOf(as_of),
    }),
  );
}

/**
 * 指标的目标值;无目标时取当年计划值。Target for that horizon, or the year's plan where no target exists.
 * @customfunction TARGET
 * @helpurl https://localhost:3000/help.html#target
 * @param indicator 指标名称、别名或ID,如 "公办园占比" / Indicator name, alias or id, e.g. "公办园占比"
 * @param period 目标年份或期间,如 2025、"十五五" / Horizon year or span, e.g. 2025 or "十五五"
 * @param [region] 地区 / Region
 * @param [unit] 换算单位 / Unit to convert to
 * @param [as_of] 截至日期:只用此日(含)之前公布的数据,如 "2024-03-01" 或 Excel 日期 / As known on this date: only publications up to it, e.g. "2024-03-01" or an Excel date
 * @returns 目标值(百分比为小数) / The target (percentages as fractions)
 */
export function target(indicator: string, period: any, region?: string, unit?: string, as_of?: any): number {
  return lookup(() =>
    q.target(live.store, {
      indicator,
      period,
      region,
      unit: checkLength("unit", unit),
      ...asOf(as_of),
    }),
  );
}

/**
 * 指定类型的数值:actual/estimate/plan/target(实际/预计/计划/目标)。One kind of figure, explicitly.
 * @customfunction GET
 * @helpurl https://localhost:3000/help.html#get
 * @param indicator 指标名称、别名或ID / Indicator name, alias or id
 * @param period 年份或期间 / Year or span
 * @param kind 类型:actual 实际、estimate 预计、plan 计划、target 目标 / Kind: actual, estimate, plan or target
 * @param [region] 地区 / Region
 * @param [unit] 换算单位 / Unit to convert to
 * @param [as_of] 截至日期:只用此日(含)之前公布的数据,如 "2024-03-01" 或 Excel 日期 / As known on this date: only publications up to it, e.g. "2024-03-01" or an Excel date
 * @returns 数值 / The value
 */
export function get(indicator: string, period: any, kind: string, region?: string, unit?: string, as_of?: any): number {
  return lookup(() =>
    q.get(live.store, {
      indicator,
      period,
      kind,
      region,
      unit: checkLength("unit", unit),
      ...asOf(as_of),
    }),
  );
}

/**
 * 报告的增速(小数,10.14% → 0.1014);仅有水平值时由两年数值计算。Reported percent change, as a fraction; computed from two levels where only levels exist.
 * @customfunction GROWTH
 * @helpurl https://localhost:3000/help.html#growth
 * @param indicator 指标名称、别名或ID / Indicator name, alias or id
 * @param period 年份或期间 / Year or span
 * @param [region] 地区 / Region
 * @param [kind] 默认实际(无则预计);"target" 取增速目标 / Default actual (else estimate); "target" for a growth target
 * @param [as_of] 截至日期:只用此日(含)之前公布的数据,如 "2024-03-01" 或 Excel 日期 / As known on this date: only publications up to it, e.g. "2024-03-01" or an Excel date
 * @returns 增速(小数) / Growth as a fraction
 */
export function growth(indicator: string, period: any, region?: string, kind?: string, as_of?: any): number {
  return lookup(() => q.growth(live.store, { indicator, period, region, kind, ...asOf(as_of) }));
}

/**
 * 指标的全部数据(溢出表):期间、类型、数值、单位,按时间排序。Every figure of an indicator as a spilled table, oldest first.
 * @customfunction SERIES
 * @helpurl https://localhost:3000/help.html#series
 * @param indicator 指标名称、别名或ID / Indicator name, alias or id
 * @param [region] 地区 / Region
 * @param [kind] 仅此类型 / Only this kind
 * @param [as_of] 截至日期:只用此日(含)之前公布的数据,如 "2024-03-01" 或 Excel 日期 / As known on this date: only publications up to it, e.g. "2024-03-01" or an Excel date
 * @returns 表格:period, kind, value, unit / Table of period, kind, value, unit
 */
export function series(indicator: string, region?: string, kind?: string, as_of?: any): any[][] {
  return lookup(() => q.series(live.store, { indicator, region, kind, ...asOf(as_of) }));
}

/**
 * 数据出处:文件标题、日期与原文句子;注明修订或预计。Citation: document title, date and quoted sentence; notes a revision or an estimate.
 * @customfunction SOURCE
 * @helpurl https://localhost:3000/help.html#source
 * @param indicator 指标名称、别名或ID / Indicator name, alias or id
 * @param period 年份或期间 / Year or span
 * @param [kind] 类型 / Kind
 * @param [region] 地区 / Region
 * @param [as_of] 截至日期:只用此日(含)之前公布的数据,如 "2024-03-01" 或 Excel 日期 / As known on this date: only publications up to it, e.g. "2024-03-01" or an Excel date
 * @returns 引文 / The citation
 */
export function source(indicator: string, period: any, kind?: string, region?: string, as_of?: any): string {
  return lookup(() => q.source(live.store, { indicator, period, kind, region, ...asOf(as_of) }));
}

/**
 * 指标的标准单位。The indicator's canonical unit.
 * @customfunction UNIT
 * @helpurl https://localhost:3000/help.html#unit
 * @param indicator 指标名称、别名或ID / Indicator name, alias or id
 * @returns 单位 / Unit text
 */
export function unit(indicator: string): string {
  return lookup(() => q.unitOf(live.store, indicator));
}

/**
 * 搜索指标(溢出表):ID、中文名、英文名、单位、类别。Search indicators: id, Chinese name, English name, unit, category.
 * @customfunction FIND
 * @helpurl https://localhost:3000/help.html#find
 * @param query 关键词 / Search text
 * @param [limit] 最多返回条数,默认10 / Maximum rows, default 10
 * @returns 匹配的指标 / Matching indicators
 */
export function find(query: string, limit?: number): any[][] {
  return lookup(() => q.find(live.store, checkLength("query", query), limit));
}

/**
 * 目标与其之前最新实际值之差。Target minus the latest actual before it.
 * @customfunction TARGETGAP
 * @helpurl https://localhost:3000/help.html#targetgap
 * @param indicator 指标名称、别名或ID / Indicator name, alias or id
 * @param period 目标年份或期间 / Horizon year or span
 * @param [region] 地区 / Region
 * @param [unit] 换算单位 / Unit to convert to
 * @param [as_of] 截至日期:只用此日(含)之前公布的数据,如 "2024-03-01" 或 Excel 日期 / As known on this date: only publications up to it, e.g. "2024-03-01" or an Excel date
 * @returns 差距 / The gap
 */
export function targetgap(indicator: string, period: any, region?: string, unit?: string, as_of?: any): number {
  return lookup(() =>
    q.targetGap(live.store, {
      indicator,
      period,
      region,
      unit: checkLength("unit", unit),
      ...asOf(as_of),
    }),
  );
}

/**
 * 达到目标所需的年均变化:水平值为复合增速,占比为每年百分点(小数)。Yearly change needed to reach the target.
 * @customfunction TARGETRATE
 * @helpurl https://localhost:3000/help.html#targetrate
 * @param indicator 指标名称、别名或ID / Indicator name, alias or id
 * @param period 目标年份或期间 / Horizon year or span
 * @param [region] 地区 / Region
 * @param [as_of] 截至日期:只用此日(含)之前公布的数据,如 "2024-03-01" 或 Excel 日期 / As known on this date: only publications up to it, e.g. "2024-03-01" or an Excel date
 * @returns 年均所需变化(小数) / Required yearly change as a fraction
 */
export function targetrate(indicator: string, period: any, region?: string, as_of?: any): number {
  return lookup(() => q.targetRate(live.store, { indicator, period, region, ...asOf(as_of) }));
}

/**
 * 复合年均增长率。Compound annual growth rate.
 * @customfunction CAGR
 * @helpurl https://localhost:3000/help.html#cagr
 * @param start_value 起始值(须为正) / Start value (positive)
 * @param end_value 期末值 / End value
 * @param years 年数 / Number of years
 * @returns 年均增速(小数) / Rate as a fraction
 */
export function cagrOf(start_value: number, end_value: number, years: number): number {
  return excelResult(() => cagr(start_value, end_value, years));
}

/**
 * 环比/同比增速。Period-on-period growth.
 * @customfunction YOY
 * @helpurl https://localhost:3000/help.html#yoy
 * @param current 本期值 / Current value
 * @param previous 上期值 / Previous value
 * @returns 增速(小数) / Growth as a fraction
 */
export function yoyOf(current: number, previous: number): number {
  return excelResult(() => yoy(current, previous));
}

/**
 * 由本期值和增速倒推基期值(51.60 与 10.14% → 46.85)。The value before growth.
 * @customfunction BASE
 * @helpurl https://localhost:3000/help.html#base
 * @param current 本期值 / Current value
 * @param growth 增速(小数,10.14% 即 0.1014) / Growth as a fraction
 * @returns 基期值 / The value before growth
 */
export function baseOf(current: number, growth: number): number {
  return excelResult(() => baseBeforeGrowth(current, growth));
}

/**
 * 按年增速推算 n 年后的值。A value grown at a yearly rate for n years.
 * @customfunction PROJECT
 * @helpurl https://localhost:3000/help.html#project
 * @param value 当前值 / Current value
 * @param growth 年增速(小数) / Yearly growth as a fraction
 * @param years 年数 / Number of years
 * @returns 推算值 / Projected value
 */
export function projectOf(value: number, growth: number, years: number): number {
  return excelResult(() => projectValue(value, growth, years));
}

/**
 * 当前数据集信息:版本、构建时间、事实数、来源。Dataset version, build date, fact count and origin.
 * @customfunction INFO
 * @helpurl https://localhost:3000/help.html#info
 * @param [field] version, builtAt, facts, indicators, sources, conflicts, origin, location, hash
 * @returns 信息 / The information
 */
export function info(field?: string): string | number {
  return lookup(() => q.info(live.store, field));
}
