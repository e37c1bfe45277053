import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "@jest/globals";
import { fakeExcel } from "../excel/fakeExcel";
import { app, EXCEL_HOST, installShims } from "./setup";

installShims();

function calculator() {
  fireEvent.click(screen.getByRole("tab", { name: "计算器" }));
  return screen.getByRole("region", { name: "计算器" });
}

const visible = (els: HTMLElement[]) => els.filter((el) => !el.closest("[hidden]"));
const input = (region: HTMLElement, name: string) =>
  visible(within(region).getAllByRole("textbox", { name }))[0] as HTMLInputElement;
const setMode = (region: HTMLElement, mode: string) =>
  fireEvent.change(within(region).getByRole("combobox", { name: "计算" }), { target: { value: mode } });

describe("calculator", () => {
  it("computes a CAGR and shows the formula it would insert", () => {
    render(app());
    const calc = calculator();
    fireEvent.change(input(calc, "起始值"), { target: { value: "100" } });
    fireEvent.change(input(calc, "期末值"), { target: { value: "133.1" } });
    fireEvent.change(input(calc, "年数"), { target: { value: "3" } });
    const result = screen.getByTestId("calc-result");
    expect(result.textContent).toContain("10.00%");
    expect(result.textContent).toContain("=HH.CAGR(100,133.1,3)");
  });

  it("derives the base before growth: 51.60 at +10.14% → 46.85", () => {
    render(app());
    const calc = calculator();
    setMode(calc, "base");
    fireEvent.change(input(calc, "本期值"), { target: { value: "51.60" } });
    fireEvent.change(input(calc, "增速 %"), { target: { value: "10.14" } });
    expect(screen.getByTestId("calc-result").textContent).toContain("46.85");
  });

  it("picks an input from the dataset as a live lookup", () => {
    render(app());
    const calc = calculator();
    setMode(calc, "required");
    const pickButtons = visible(within(calc).getAllByRole("button", { name: "从数据选取" }));
    fireEvent.click(pickButtons[0]);
    fireEvent.change(within(calc).getByRole("textbox", { name: "搜索指标…" }), { target: { value: "公办园占比" } });
    fireEvent.click(within(calc).getByRole("button", { name: /2023 实际/ }));
    // Picking a share switches the share mode on: the labels say the unit.
    expect(input(calc, "本期值 %").value).toBe("51.04");
    fireEvent.click(visible(within(calc).getAllByRole("button", { name: "从数据选取" }))[1]);
    fireEvent.change(within(calc).getByRole("textbox", { name: "搜索指标…" }), { target: { value: "公办园占比" } });
    fireEvent.click(within(calc).getByRole("button", { name: /2025 目标/ }));
    fireEvent.change(input(calc, "当前年份"), { target: { value: "2023" } });
    fireEvent.change(input(calc, "目标年份"), { target: { value: "2025" } });
    const result = screen.getByTestId("calc-result").textContent ?? "";
    expect(result).toContain("+4.48 个百分点/年");
    expect(result).toContain('=(HH.TARGET("公办园在园幼儿占比",2025)-HH.VALUE("公办园在园幼儿占比",2023))/2');
  });

  it("share mode takes typed shares in percent: 51.04 → 60 over 2 years is +4.48 points a year", async () => {
    const excel = fakeExcel();
    excel.model.selection = { sheet: "Sheet1", r: 0, c: 0, rows: 1, cols: 1 };
    render(app({ host: EXCEL_HOST, run: excel.run }));
    const calc = calculator();
    setMode(calc, "required");
    fireEvent.click(within(calc).getByRole("checkbox", { name: /占比类指标/ }));
    expect(within(calc).getByRole("checkbox", { name: "占比类指标:按 % 输入,结果为每年百分点" })).toBeTruthy();
    fireEvent.change(input(calc, "本期值 %"), { target: { value: "51.04" } });
    fireEvent.change(input(calc, "目标值 %"), { target: { value: "60" } });
    fireEvent.change(input(calc, "当前年份"), { target: { value: "2023" } });
    fireEvent.change(input(calc, "目标年份"), { target: { value: "2025" } });
    const result = screen.getByTestId("calc-result");
    expect(result.textContent).toContain("所需提高: +4.48 个百分点/年");
    expect(result.textContent).toContain("=(60%-51.04%)/2");
    fireEvent.click(within(calc).getByRole("button", { name: "插入公式" }));
    await within(calc).findByText(/已写入 Sheet1!A1/);
    expect(excel.model.sheet("Sheet1").cell(0, 0).formula).toBe("=(60%-51.04%)/2");
    // Unticked, the same digits are plain levels again: compound growth 51.04 → 60.
    fireEvent.click(within(calc).getByRole("checkbox", { name: /占比类指标/ }));
    expect(input(calc, "本期值").value).toBe("51.04");
    expect(result.textContent).toContain("=HH.CAGR(51.04,60,2)");
  });

  it("says clearly when a share is outside 0–100%", () => {
    render(app());
    const calc = calculator();
    setMode(calc, "required");
    fireEvent.click(within(calc).getByRole("checkbox", { name: /占比类指标/ }));
    fireEvent.change(input(calc, "本期值 %"), { target: { value: "51.04" } });
    fireEvent.change(input(calc, "目标值 %"), { target: { value: "120" } });
    fireEvent.change(input(calc, "当前年份"), { target: { value: "2023" } });
    fireEvent.change(input(calc, "目标年份"), { target: { value: "2025" } });
    expect(within(calc).getByRole("alert").textContent).toBe("目标值须为 0–100% 之间的占比,现为 120.00%。");
    expect(within(calc).getByRole("button", { name: "插入公式" })).toHaveProperty("disabled", true);
    fireEvent.change(input(calc, "目标值 %"), { target: { value: "60" } });
    fireEvent.change(input(calc, "目标年份"), { target: { value: "2023" } });
    expect(within(calc).getByRole("alert").textContent).toBe("目标年份须晚于当前年份。");
  });

  it("shows the share result in English as pp a year", () => {
    render(app());
    fireEvent.click(screen.getByTestId("lang-switch"));
    fireEvent.click(screen.getByRole("tab", { name: "Calculator" }));
    const calc = screen.getByRole("region", { name: "Calculator" });
    fireEvent.change(within(calc).getByRole("combobox", { name: "Calculate" }), { target: { value: "required" } });
    fireEvent.click(within(calc).getByRole("checkbox", { name: "Share: enter %, result in pp a year" }));
    fireEvent.change(input(calc, "Current value %"), { target: { value: "51.04" } });
    fireEvent.change(input(calc, "Target value %"), { target: { value: "60" } });
    fireEvent.change(input(calc, "Current year"), { target: { value: "2023" } });
    fireEvent.change(input(calc, "Target year"), { target: { value: "2025" } });
    expect(screen.getByTestId("calc-result").textContent).toContain("Required rise: +4.48 pp a year");
    fireEvent.change(input(calc, "Target value %"), { target: { value: "-5" } });
    expect(within(calc).getByRole("alert").textContent).toBe(
      "Target value must be a share between 0 and 100%; it is −5.00%.",
    );
  });

  it("refuses to mix a picked share with a plain typed number", () => {
    render(app());
    const calc = calculator();
    setMode(calc, "change");
    fireEvent.click(visible(within(calc).getAllByRole("button", { name: "从数据选取" }))[0]);
    fireEvent.change(within(calc).getByRole("textbox", { name: "搜索指标…" }), { target: { value: "公办园占比" } });
    fireEvent.click(within(calc).getByRole("button", { name: /2023 实际/ }));
    fireEvent.change(input(calc, "本期值"), { target: { value: "60" } });
    expect(within(calc).getByRole("alert").textContent).toContain("上期值是占比(%),本期值不是");
  });

  it("compares budget lines sorted with a bar chart, and inserts them as formulas", async () => {
    const excel = fakeExcel();
    excel.model.selection = { sheet: "Sheet1", r: 0, c: 0, rows: 1, cols: 1 };
    render(app({ host: EXCEL_HOST, run: excel.run }));
    const calc = calculator();
    setMode(calc, "budget");
    const chart = within(calc).getByRole("img", { name: /预算对比/ });
    const label = chart.getAttribute("aria-label") ?? "";
    expect(label.indexOf("普通高中")).toBeLessThan(label.indexOf("普通初中"));
    fireEvent.click(within(calc).getByRole("button", { name: "插入对比表(公式)" }));
    // Five columns since the base column was added (项目, 期间, 增速, 名次, 比较基数).
    await within(calc).findByText(/已写入 Sheet1!A1:E/);
    const sheet = excel.model.sheet("Sheet1");
    expect(sheet.cell(0, 0).value).toBe("项目");
    expect(sheet.cell(1, 2).formula).toBe('=HH.GROWTH("普通高中生均一般公共预算教育经费",2022)');
    expect(sheet.cell(1, 3).formula).toMatch(/^=RANK\(RC\[-1\]/);
    // A second insert at the same place refuses to overwrite.
    fireEvent.click(within(calc).getByRole("button", { name: "插入对比表(公式)" }));
    await within(calc).findByText(/不为空,未写入/);
  });

  it("shows each growth with its base and ranks only growths over the same base", async () => {
    const excel = fakeExcel();
    excel.model.selection = { sheet: "Sheet1", r: 0, c: 0, rows: 1, cols: 1 };
    render(app({ host: EXCEL_HOST, run: excel.run }));
    const calc = calculator();
    setMode(calc, "budget");
    const list = within(calc).getByRole("group", { name: "预算对比" });
    // By label: role queries walk the accessibility tree of every checkbox, which is slow in jsdom.
    const box = (name: RegExp) => within(list).getByLabelText(name);
    expect(box(/^普通高中生均一般公共预算教育经费 · 2022 · 比上年 \+27.85%$/)).toBeTruthy();
    // Default: one comparable family, one chart, nothing left out.
    expect(within(calc).getAllByRole("img", { name: /预算对比/ })).toHaveLength(1);
    expect(within(calc).queryByTestId("budget-not-ranked")).toBeNull();
    fireEvent.click(box(/^高新技术企业数 · 2021-2025 · 比2020年/));
    fireEvent.click(box(/^PM2.5平均浓度 · 2021-2025 · 比2020年/));
    fireEvent.click(box(/^规模以上工业总产值 · 2023-YTD09 · 呼和浩特经济技术开发区 · 前三季度同比/));
    const charts = within(calc).getAllByRole("img", { name: /预算对比/ });
    expect(charts.map((c) => c.getAttribute("aria-label")?.split(":")[0])).toEqual([
      "预算对比 · 比上年",
      "预算对比 · 比2020年",
    ]);
    // The +100% over five years sits in its own ranking, not above the one-year rises.
    expect(charts[0].getAttribute("aria-label")).not.toContain("高新技术");
    expect(within(calc).getByText("比较基数或期间类型不同的增速不相互比较:分 2 组,各组内排名。")).toBeTruthy();
    expect(within(calc).getByTestId("budget-not-ranked").textContent).toBe(
      "未排名(相同基数的项目期间类型不同,如前三季度与全年):规模以上工业总产值 2023-YTD09(前三季度同比)",
    );
    fireEvent.click(within(calc).getByRole("button", { name: "插入对比表(公式)" }));
    await within(calc).findByText(/已写入 Sheet1!A1:E/);
    const sheet = excel.model.sheet("Sheet1");
    expect(sheet.cell(0, 4).value).toBe("比较基数");
    // The n spending lines 比上年 ranked among themselves, two 比2020年, the Jan–Sep line last and unranked.
    const rows: unknown[][] = [];
    for (let r = 1; sheet.cell(r, 0).value; r++)
      rows.push([sheet.cell(r, 3).formula ?? sheet.cell(r, 3).value, sheet.cell(r, 4).value]);
    const n = rows.length - 3;
    expect(n).toBeGreaterThanOrEqual(2);
    expect(rows.map(([, base]) => base)).toEqual([...Array(n).fill("比上年"), "比2020年", "比2020年", "前三季度同比"]);
    expect(rows[0][0]).toBe(`=RANK(RC[-1],R[0]C[-1]:R[${n - 1}]C[-1])`);
    expect(rows.at(-1)).toEqual(["—", "前三季度同比"]);
    expect(rows.filter(([, base]) => base === "比2020年").map(([rank]) => rank)).toEqual([
      "=RANK(RC[-1],R[0]C[-1]:R[1]C[-1])",
      "=RANK(RC[-1],R[-1]C[-1]:R[0]C[-1])",
    ]);
  });

  it("checks a stated growth against two levels", () => {
    render(app());
    const calc = calculator();
    setMode(calc, "check");
    fireEvent.change(input(calc, "上期值"), { target: { value: "46.85" } });
    fireEvent.change(input(calc, "本期值"), { target: { value: "51.60" } });
    fireEvent.change(input(calc, "所述增速 %"), { target: { value: "10.14" } });
    // The verdict on the numbers typed (the dataset's own checks are listed below it, some inconsistent).
    const verdict = () => within(calc).getByTestId("check-result");
    expect(within(verdict()).getByText("一致")).toBeTruthy();
    fireEvent.change(input(calc, "所述增速 %"), { target: { value: "12" } });
    expect(within(verdict()).getByText("不一致")).toBeTruthy();
  });
});
