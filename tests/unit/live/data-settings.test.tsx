/** The DataSettings pane section, rendered with Fluent in jsdom, driven by a real LiveUpdater with a stubbed fetch, provided through context. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it, jest } from "@jest/globals";
import { LiveDataset, LiveUpdater, SETTINGS_KEY, type FetchLike, type HttpResponseLike } from "../../../src/core/live";
import type { Dataset } from "../../../src/core/schema";
import { systemClock, webSha256Hex } from "../../../src/runtime/platform";
import { memoryStorage } from "../../../src/runtime/storage";
import { DataSettings } from "../../../src/taskpane/components/DataSettings";
import { LiveProvider } from "../../../src/taskpane/live";
import { builtDataset, derive, probeFact, setFigure } from "../../integration/live/helpers";

const URL_OK = "https://data.example/dataset.json";
let base: Dataset;
let newer: Dataset;

beforeAll(() => {
  base = builtDataset();
  const probe = probeFact(base);
  newer = derive(base, 5, (d) => {
    setFigure(
      d.facts.find((f) => f.id === probe.id)!,
      probe.value + 1,
    );
    d.facts.find((f) => f.id === probe.id)!.quote = "<img src=x onerror=alert(1)>"; // must stay text
  });
});

afterEach(cleanup);

function json(body: unknown, status = 200): HttpResponseLike {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return { status, headers: new Headers(), body: new Response(text).body, arrayBuffer: async () => new ArrayBuffer(0) };
}

function setup(fetch: FetchLike, settings: Record<string, unknown> = { url: URL_OK, checkOnOpen: false }) {
  const live = new LiveDataset();
  live.swap(base, { kind: "embedded", location: "bundled" });
  const storage = memoryStorage({ [SETTINGS_KEY]: JSON.stringify(settings) });
  const updater = new LiveUpdater({
    live,
    storage,
    fetch,
    recalculate: async () => false,
    clock: systemClock,
    sha256Hex: webSha256Hex,
  });
  return { live, updater, storage };
}

function renderPane(updater: LiveUpdater, lang: "zh" | "en" = "en") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <LiveProvider live={updater.live} updater={updater}>
        <DataSettings lang={lang} />
      </LiveProvider>
    </FluentProvider>,
  );
}

describe("DataSettings", () => {
  it("shows the live dataset, checks now, and shows the result and the diff", async () => {
    const fetch = jest.fn<FetchLike>(async () => json(newer));
    const { updater, live } = setup(fetch);
    renderPane(updater);
    await waitFor(() => expect((screen.getByLabelText("Dataset URL") as HTMLInputElement).value).toBe(URL_OK));
    expect(screen.getByTestId("live-version").textContent).toBe(base.version);
    expect(screen.getByTestId("live-origin").textContent).toBe("Bundled");
    expect(screen.getByText("Not checked yet")).toBeTruthy();

    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Check now" }));
    });
    await waitFor(() => expect(screen.getByTestId("live-version").textContent).toBe(newer.version));
    expect(live.store.dataset.version).toBe(newer.version);
    expect(screen.getByTestId("live-origin").textContent).toBe(`Published · ${URL_OK}`);
    expect(screen.getByRole("status").textContent).toContain(`Updated to ${newer.version}`);
    expect(screen.getByRole("status").textContent).toContain("Not in Excel");
    const diff = screen.getByTestId("live-diff");
    expect(diff.textContent).toContain("0 added · 0 removed · 1 values changed");
    expect(diff.textContent).toContain("→");
    expect(document.querySelector("img")).toBeNull();
    updater.dispose();
  });

  it("says what went wrong in one sentence and keeps the live dataset", async () => {
    const { updater, live } = setup(async () => json("{oops"));
    renderPane(updater, "zh");
    await waitFor(() => expect((screen.getByLabelText("数据集地址") as HTMLInputElement).value).toBe(URL_OK));
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "立即检查" }));
    });
    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toBe("数据集内容不是有效的 JSON,已保留当前数据集。"),
    );
    expect(live.store.dataset.version).toBe(base.version);
    expect(screen.getByTestId("live-version").textContent).toBe(base.version);
    updater.dispose();
  });

  it("refuses a plain http URL off loopback in the field, without a request", async () => {
    const fetch = jest.fn<FetchLike>();
    const { updater, storage } = setup(fetch, { url: "", checkOnOpen: false });
    renderPane(updater);
    const input = screen.getByLabelText("Dataset URL");
    await act(async () => {
      fireEvent.change(input, { target: { value: "http://example.com/dataset.json" } });
      fireEvent.blur(input);
    });
    await waitFor(() => expect(screen.getByText(/Only https URLs are allowed/)).toBeTruthy());
    expect(JSON.parse(storage.data.get(SETTINGS_KEY)!).url).toBe("");
    expect(fetch).not.toHaveBeenCalled();
    updater.dispose();
  });

  it("offers to apply an older dataset only after refusing it", async () => {
    const older = derive(base, -10);
    const { updater, live } = setup(async () => json(older));
    renderPane(updater);
    await waitFor(() => expect((screen.getByLabelText("Dataset URL") as HTMLInputElement).value).toBe(URL_OK));
    expect(screen.queryByRole("button", { name: "Use this older version anyway" })).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Check now" }));
    });
    await waitFor(() => expect(screen.getByRole("status").textContent).toContain("is older than the live"));
    expect(live.store.dataset.version).toBe(base.version);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "Use this older version anyway" }));
    });
    await waitFor(() => expect(live.store.dataset.version).toBe(older.version));
    updater.dispose();
  });

  it("saves the switch and the interval", async () => {
    const { updater, storage } = setup(jest.fn<FetchLike>());
    renderPane(updater);
    await waitFor(() => expect((screen.getByLabelText("Dataset URL") as HTMLInputElement).value).toBe(URL_OK));
    await act(async () => {
      fireEvent.click(screen.getByRole("switch"));
    });
    const interval = screen.getByLabelText("Check every N minutes (0 = off)");
    await act(async () => {
      fireEvent.change(interval, { target: { value: "99999" } });
      fireEvent.blur(interval);
    });
    await waitFor(() =>
      expect(JSON.parse(storage.data.get(SETTINGS_KEY)!)).toEqual({
        url: URL_OK,
        checkOnOpen: true,
        intervalMinutes: 1440,
      }),
    );
    expect((interval as HTMLInputElement).value).toBe("1440");
    updater.dispose();
  });
});
