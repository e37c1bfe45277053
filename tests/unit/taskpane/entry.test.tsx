/** The pane's entry (index.tsx): the live updater starts even when the data settings form's script fails. */
import { describe, expect, it, jest } from "@jest/globals";
import { waitFor } from "@testing-library/react";
import { installShims } from "./setup";

installShims();

const started = jest.fn(() => Promise.resolve());
const created = jest.fn();

jest.mock("../../../src/runtime/updater", () => ({
  createLiveUpdater: (...args: unknown[]) => {
    created(...args);
    // Just what the pane reads of an updater before the Data tab is opened.
    return { start: started, state: {}, subscribe: () => () => undefined };
  },
}));
jest.mock("../../../src/taskpane/components/DataSettings", () => {
  throw new Error("Loading chunk data-settings failed.");
});

describe("the pane's entry", () => {
  it("restores and checks the published dataset although the settings form failed to load", async () => {
    document.body.innerHTML = '<div id="container"></div>';
    await import("../../../src/taskpane/index");
    await waitFor(() => expect(started).toHaveBeenCalledTimes(1));
    expect(created).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(document.querySelector('input[type="search"]')).not.toBeNull());
  });
});
