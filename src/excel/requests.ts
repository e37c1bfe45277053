/**
 * Request size. Excel on the web rejects a batch request over about 5 MB, so large writes go in row
 * chunks whose estimated request bytes stay under one budget, with a context.sync() after each: the
 * number of syncs grows with bytes / budget, never with rows.
 */

/** The most a single Excel request may carry (well under Excel on the web's ~5 MB limit). */
export const REQUEST_BUDGET_BYTES = 1_000_000;

/** Kept free in every request for the small operations queued next to a chunk (tables, marks, widths). */
const HEADROOM_BYTES = 32_000;

/** The estimator: UTF-8 length of the JSON a payload is sent as. */
export function jsonBytes(payload: unknown): number {
  const json = JSON.stringify(payload) ?? "";
  let bytes = 0;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The queued bytes of the current request, and the syncs that send them. */
export class RequestBudget {
  private queued = 0;
  private count = 0;
  constructor(
    private readonly sync: () => Promise<void>,
    private readonly budget = REQUEST_BUDGET_BYTES - HEADROOM_BYTES,
  ) {}

  get pending(): number {
    return this.queued;
  }
  get syncs(): number {
    return this.count;
  }
  /** Whether `bytes` more still fit in the current request. */
  fits(bytes: number): boolean {
    return this.queued + bytes <= this.budget;
  }
  add(bytes: number): void {
    this.queued += bytes;
  }
  async flush(): Promise<void> {
    this.count++;
    this.queued = 0;
    await this.sync();
  }
}
