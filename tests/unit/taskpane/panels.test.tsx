/** Lazily loaded panels: whether their code has arrived, and a load failure shown rather than hidden. */
import { act, render, screen } from "@testing-library/react";
import { describe, expect, it, jest } from "@jest/globals";
import { Suspense } from "react";
import { ErrorBoundary } from "../../../src/taskpane/ErrorBoundary";
import { panel, usePanelSettled } from "../../../src/taskpane/panels";

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((ok, ko) => {
    resolve = ok;
    reject = ko;
  });
  return { promise, resolve, reject };
}

type Greeting = { name: string };

/** What the pane does with the result list: the placeholder until the code settles, then the panel. */
function Host({ target }: { target: ReturnType<typeof panel<Greeting>> }) {
  const settled = usePanelSettled(target);
  return settled ? (
    <ErrorBoundary fallback={(error) => <p role="alert">{error.message}</p>}>
      <Suspense fallback={<p>suspended</p>}>
        <target.Component name="pane" />
      </Suspense>
    </ErrorBoundary>
  ) : (
    <p>placeholder</p>
  );
}

describe("a lazily loaded panel", () => {
  it("keeps the placeholder until its code arrives, then renders it without suspending", async () => {
    const code = deferred<(props: Greeting) => JSX.Element>();
    const target = panel<Greeting>(() => code.promise);
    render(<Host target={target} />);
    expect(screen.getByText("placeholder")).toBeTruthy();
    expect(target.loaded).toBe(false);
    await act(async () => {
      code.resolve(({ name }) => <p>hello {name}</p>);
      await code.promise;
    });
    expect(target.loaded).toBe(true);
    expect(screen.getByText("hello pane")).toBeTruthy();
    expect(screen.queryByText("suspended")).toBeNull();
  });

  it("shows why its code could not be loaded instead of waiting forever", async () => {
    const code = deferred<(props: Greeting) => JSX.Element>();
    const target = panel<Greeting>(() => code.promise);
    const quiet = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      render(<Host target={target} />);
      await act(async () => {
        code.reject(new Error("ChunkLoadError: browse"));
        await code.promise.catch(() => undefined);
      });
      expect(await screen.findByRole("alert")).toHaveProperty("textContent", "ChunkLoadError: browse");
      expect(target.loaded).toBe(false);
    } finally {
      quiet.mockRestore();
    }
  });
});
