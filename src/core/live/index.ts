/**
 * The live-update policy: which dataset answers right now, and how a published one may replace it.
 * Pure: what it needs from outside (fetch, storage, clock, recalculation) comes in through ./ports.
 *
 *   holder.ts    DatasetHolder, the live store, swapped atomically for one validated already
 *   dataset.ts   LiveDataset, the holder that also validates raw input (zod) before swapping
 *   ports.ts     the injected dependencies
 *   url.ts       which URLs may be fetched
 *   check.ts     the conditional, size- and time-limited check of a published dataset
 *   plain-hosts.ts  hosts that get plain GETs because they do not answer the CORS preflight
 *   text.ts      dataset text before parsing (one BOM removed)
 *   parse.ts     dataset text → validated dataset
 *   version.ts   which of two datasets is newer
 *   settings.ts  the user's URL, check-on-open and interval
 *   cache.ts     when the cached published dataset comes back after a restart
 *   summary.ts   what changed, for the pane
 *   messages.ts  every sentence shown, in both UI languages
 *   updater.ts   LiveUpdater, the state machine tying these together
 */
export * from "./cache";
export * from "./check";
export * from "./dataset";
export * from "./holder";
export * from "../messages/live";
export * from "./parse";
export * from "./plain-hosts";
export * from "./text";
export * from "./ports";
export * from "./settings";
export * from "./summary";
export * from "./updater";
export * from "./url";
export * from "./version";
