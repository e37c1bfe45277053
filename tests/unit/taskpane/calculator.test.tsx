// @vitest-environment jsdom
import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
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
    expect(input(calc, "本期值").value).toBe("51.04");
    fireEvent.click(visible(within(calc).getAllByRole("button", { name: "从数据选取" }))[1]);
    fireEvent.change(within(calc).getByRole("textbox", { name: "搜索指标…" }), { target: { value: "公办园占比" } });
    fireEvent.click(within(calc).getByRole("button", { name: /2025 目标/ }));
    fireEvent.change(input(calc, "当前年份"), { target: { value: "2023" } });
    fireEvent.change(input(calc, "目标年份"), { target: { value: "2025" } });
    const result = screen.getByTestId("calc-result").textContent ?? "";
    expect(result).toContain("+4.48 个百分点/年");
    expect(result).toContain('=(HH.TARGET("公办园在园幼儿占比",2025)-HH.VALUE("公办园在园幼儿占比",2023))/2');
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
    await within(calc).findByText(/已写入 Sheet1!A1:D/);
    const sheet = excel.model.sheet("Sheet1");
    expect(sheet.cell(0, 0).value).toBe("项目");
    expect(sheet.cell(1, 2).formula).toBe('=HH.GROWTH("普通高中生均一般公共预算教育经费",2022)');
    expect(sheet.cell(1, 3).formula).toMatch(/^=RANK\(RC\[-1\]/);
    // A second insert at the same place refuses to overwrite.
    fireEvent.click(within(calc).getByRole("button", { name: "插入对比表(公式)" }));
    await within(calc).findByText(/不为空,未写入/);
  });

  it("checks a stated growth against two levels", () => {
    render(app());
    const calc = calculator();
    setMode(calc, "check");
    fireEvent.change(input(calc, "上期值"), { target: { value: "46.85" } });
    fireEvent.change(input(calc, "本期值"), { target: { value: "51.60" } });
    fireEvent.change(input(calc, "所述增速 %"), { target: { value: "10.14" } });
    expect(within(calc).getByText("一致")).toBeTruthy();
    fireEvent.change(input(calc, "所述增速 %"), { target: { value: "12" } });
    expect(within(calc).getByText("不一致")).toBeTruthy();
  });
});
