/**
 * Hosts that do not answer the CORS preflight If-None-Match costs: the updater sends them plain GETs
 * (an unchanged dataset is then recognised by its hash) and tries the conditional request again a
 * day later, in case the host was fixed. Kept in settings storage, per origin.
 */

/** The storage key: a JSON object from origin to the time the conditional request may be tried again. */
export const PLAIN_HOSTS_KEY = "hh.live.plain-hosts";

/** Long enough not to pay a failed preflight at every check, short enough to notice a fixed host the next day. */
export const PLAIN_MODE_MS = 24 * 60 * 60 * 1000;

export type PlainHosts = Record<string, string>;

export function parsePlainHosts(text: string | null): PlainHosts {
  try {
    const value: unknown = text ? JSON.parse(text) : {};
    if (!value || typeof value !== "object" || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
    );
  } catch {
    return {};
  }
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** Whether If-None-Match may be sent to `url`'s host now. */
export function conditionalAllowed(hosts: PlainHosts, url: string, now: Date): boolean {
  const origin = originOf(url);
  const until = origin ? Date.parse(hosts[origin] ?? "") : NaN;
  return !(until > now.getTime());
}

/** `hosts` after a check of `url`: remembered when it needed the plain GET, forgotten when the conditional one worked. */
export function afterCheck(hosts: PlainHosts, url: string, now: Date, fellBack: boolean): PlainHosts {
  const origin = originOf(url);
  if (!origin) return hosts;
  if (fellBack) return { ...hosts, [origin]: new Date(now.getTime() + PLAIN_MODE_MS).toISOString() };
  if (!(origin in hosts)) return hosts;
  return Object.fromEntries(Object.entries(hosts).filter(([remembered]) => remembered !== origin));
}
