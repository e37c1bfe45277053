/**
 * Every sentence the live-update subsystem shows, one per UI language: why a published dataset was
 * refused (each says what happened and that nothing was replaced), and what a check did.
 */

export type RejectCode =
  | "no-url"
  | "url-invalid"
  | "url-scheme"
  | "redirect-scheme"
  | "network"
  | "timeout"
  | "http-status"
  | "too-large"
  | "not-json"
  | "not-dataset"
  | "invalid"
  | "forged"
  | "future"
  | "older"
  | "not-a-file"
  | "file-timeout"
  | "unreadable";

/** One sentence in each UI language. */
export interface Reason {
  "zh-CN": string;
  "en-US": string;
}

/** Control characters and runs of space flattened, cut to `max` characters: a detail fit for one line. */
export function oneLine(text: string, max = 160): string {
  const flat = text
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The date part of an ISO time stamp. */
export function day(iso: string): string {
  return iso.slice(0, 10);
}

/** What a refusal leaves: the add-in keeps its live dataset; the CLI answers nothing. */
export type RejectionOutcome = "kept" | "unanswered";
const OUTCOMES: Record<RejectionOutcome, { zh: string; en: string }> = {
  kept: { zh: "已保留当前数据集", en: "the current dataset is kept" },
  unanswered: { zh: "未作答", en: "nothing was answered" },
};

/** The sentence the user reads for each refusal; every one says what happened and that nothing was replaced. */
export function describeRejection(
  code: RejectCode,
  detail: Record<string, string | number> = {},
  outcome: RejectionOutcome = "kept",
): Reason {
  const d = (key: string) => String(detail[key] ?? "");
  const { zh: kept, en: keptEn } = OUTCOMES[outcome];
  switch (code) {
    case "no-url":
      return { "zh-CN": "尚未设置数据集地址。", "en-US": "No dataset URL is set." };
    case "url-invalid":
      return {
        "zh-CN": "数据集地址不是有效的网址,未发出请求。",
        "en-US": "The dataset URL is not a valid address, so no request was made.",
      };
    case "url-scheme":
      return {
        "zh-CN": "只允许 https 地址(http 仅限 localhost、127.0.0.1 或 ::1),未发出请求。",
        "en-US": "Only https URLs are allowed (http only for localhost, 127.0.0.1 or ::1), so no request was made.",
      };
    case "redirect-scheme":
      return {
        "zh-CN": `数据集地址被重定向到不允许的地址 ${d("url")},${kept}。`,
        "en-US": `The dataset URL redirected to a disallowed address ${d("url")}; ${keptEn}.`,
      };
    case "network":
      return {
        "zh-CN": `无法连接数据集服务器,${kept}。`,
        "en-US": `The dataset server could not be reached; ${keptEn}.`,
      };
    case "timeout":
      return {
        "zh-CN": `数据集下载超过 ${d("seconds")} 秒仍未完成,已取消,${kept}。`,
        "en-US": `The dataset download did not finish within ${d("seconds")} s, so it was cancelled; ${keptEn}.`,
      };
    case "http-status":
      return {
        "zh-CN": `服务器返回 HTTP ${d("status")},${kept}。`,
        "en-US": `The server answered HTTP ${d("status")}; ${keptEn}.`,
      };
    case "too-large":
      return {
        "zh-CN": `数据集超过 ${d("limit")} 的大小上限,已停止下载,${kept}。`,
        "en-US": `The dataset is larger than the ${d("limit")} limit, so the download was stopped; ${keptEn}.`,
      };
    case "not-json":
      return {
        "zh-CN": `数据集内容不是有效的 JSON,${kept}。`,
        "en-US": `The dataset is not valid JSON; ${keptEn}.`,
      };
    case "not-dataset":
      return {
        "zh-CN": `该 JSON 不是 HH 指标数据集,${kept}。`,
        "en-US": `The JSON is not an HH Indicators dataset; ${keptEn}.`,
      };
    case "invalid":
      return {
        "zh-CN": `数据集未通过校验(${d("problem")}),${kept}。`,
        "en-US": `The dataset failed validation (${d("problem")}); ${keptEn}.`,
      };
    case "forged":
      return d("problem") === "hash"
        ? {
            "zh-CN": `数据集内容与其哈希值不符(可能被篡改或损坏),${kept}。`,
            "en-US": `The dataset's content does not match its hash (tampered with or damaged); ${keptEn}.`,
          }
        : {
            "zh-CN": `数据集中的数值与其引用的原文数字不符(${d("fact")}:${d("reported")}),${kept}。`,
            "en-US": `A value in the dataset contradicts the figure it quotes (${d("fact")}: ${d("reported")}); ${keptEn}.`,
          };
    case "future":
      return {
        "zh-CN": `数据集的生成时间 ${d("builtAt")} 晚于当前时间,已拒绝,${kept}。`,
        "en-US": `The dataset says it was built at ${d("builtAt")}, which is in the future, so it was refused; ${keptEn}.`,
      };
    case "older":
      return {
        "zh-CN": `发布的数据集 ${d("version")}(${d("date")})早于当前的 ${d("current")}(${d("currentDate")}),未替换。`,
        "en-US": `The published dataset ${d("version")} (${d("date")}) is older than the live ${d("current")} (${d("currentDate")}), so it was not applied.`,
      };
    case "not-a-file":
      return d("kind") === "folder"
        ? {
            "zh-CN": `${d("path")} 是文件夹,不是数据集文件,未读取。`,
            "en-US": `${d("path")} is a folder, not a dataset file, so nothing was read.`,
          }
        : {
            "zh-CN": `${d("path")} 是设备或套接字,不是数据集文件,未读取。`,
            "en-US": `${d("path")} is a device or socket, not a dataset file, so nothing was read.`,
          };
    case "file-timeout":
      // A pipe that gave nothing: no writer yet, or one that closed without writing (the two read alike).
      return d("received") === "nothing"
        ? {
            "zh-CN": `${d("seconds")} 秒内没有从 ${d("path")} 读到任何内容(没有写入方,或写入方未写入就已关闭),已停止读取。`,
            "en-US": `Nothing arrived from ${d("path")} within ${d("seconds")} s (nobody wrote to it, or its writer closed without writing), so reading was stopped.`,
          }
        : {
            "zh-CN": `读取 ${d("path")} 超过 ${d("seconds")} 秒仍未结束(写入方未关闭?),已停止读取。`,
            "en-US": `Reading ${d("path")} did not finish within ${d("seconds")} s (is its writer still open?), so reading was stopped.`,
          };
    case "unreadable":
      return {
        "zh-CN": `无法读取 ${d("path")}(${d("code")})。`,
        "en-US": `${d("path")} cannot be read (${d("code")}).`,
      };
  }
}

/** Both languages on one line, for the CLI and logs. */
export function formatReason(reason: Reason): string {
  return `${reason["zh-CN"]} ${reason["en-US"]}`;
}

/** A check found the same dataset. */
export function unchangedMessage(version: string): Reason {
  return {
    "zh-CN": `数据集没有变化,当前为 ${version}。`,
    "en-US": `The dataset is unchanged; ${version} stays live.`,
  };
}

/** A check swapped in a newer dataset. */
export function updatedMessage(
  version: string,
  builtAt: string,
  counts: { added: number; removed: number; changed: number },
): Reason {
  return {
    "zh-CN": `已更新为 ${version}(${day(builtAt)}):新增 ${counts.added} 条,删除 ${counts.removed} 条,数值变化 ${counts.changed} 条。`,
    "en-US": `Updated to ${version} (${day(builtAt)}): ${counts.added} added, ${counts.removed} removed, ${counts.changed} values changed.`,
  };
}

/** The cached published dataset came back at start-up. */
export function restoredMessage(version: string): Reason {
  return {
    "zh-CN": `已从本机缓存恢复发布的数据集 ${version}。`,
    "en-US": `Restored the published dataset ${version} from the local cache.`,
  };
}
