/**
 * The one message table: every sentence a user reads, in zh-CN and en-US, by section. Core raises
 * codes with details; the functions, the pane and the CLI render them from here.
 */
export * from "./lang";
export * from "./errors";
export * from "./pane";
export * from "./words";
export * from "./live";
export * from "./settings";
export * from "./cli";
export * from "./hosting";
export * from "./vintages";
