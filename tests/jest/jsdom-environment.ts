/**
 * jest-environment-jsdom plus the web platform classes that Node has and jsdom lacks (fetch, Request,
 * Response, Headers, web streams, TextEncoder/TextDecoder, structuredClone, Web Crypto). The task pane code reads
 * response bodies as streams and decodes them; vitest's jsdom environment kept Node's, this does the same.
 * Only names jsdom leaves undefined are taken from Node, so jsdom's own DOM classes stay in charge.
 */
import { TestEnvironment } from "jest-environment-jsdom";

const FROM_NODE = [
  "fetch",
  "Request",
  "Response",
  "Headers",
  "FormData",
  "ReadableStream",
  "WritableStream",
  "TransformStream",
  "TextEncoder",
  "TextDecoder",
  "TextEncoderStream",
  "TextDecoderStream",
  "structuredClone",
] as const;

export default class JsdomWithNodeWebApis extends TestEnvironment {
  constructor(...args: ConstructorParameters<typeof TestEnvironment>) {
    super(...args);
    const global = this.global as unknown as Record<string, unknown>;
    const node = globalThis as unknown as Record<string, unknown>;
    for (const name of FROM_NODE) if (global[name] === undefined) global[name] = node[name];
    // Web Crypto's digest (published datasets are hash-checked); jsdom's crypto has no subtle.
    const crypto = global.crypto as { subtle?: unknown } | undefined;
    if (!crypto?.subtle) Object.defineProperty(global, "crypto", { value: node.crypto, configurable: true });
  }
}
