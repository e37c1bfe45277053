/** Two hand-made SVG charts (no chart library): a series of actuals vs targets, and sorted bars. */
import { WORDS } from "../core/messages/words";
import { makeStyles, tokens } from "@fluentui/react-components";
import { seriesLines, type ChartPoint, type SeriesPoint } from "../core/analysis";
import { isPercentUnit } from "../core/units";
import { formatNumber, percentText } from "./format";
import { useI18n } from "./i18n";

const W = 320;
const H = 132;
const M = { left: 46, right: 12, top: 16, bottom: 20 };
/** Points keep this distance from the axes so their labels never sit on the axis labels. */
const INSET = 24;

const useStyles = makeStyles({
  box: { height: `${H + 22}px`, display: "flex", flexDirection: "column" },
  svg: { width: "100%", height: `${H}px`, display: "block" },
  legend: {
    display: "flex",
    gap: "12px",
    fontSize: tokens.fontSizeBase100,
    color: tokens.colorNeutralForeground3,
    height: "18px",
    alignItems: "center",
  },
  empty: {
    height: `${H}px`,
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    border: `1px dashed ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

const ACTUAL = "#0f6cbd";
const TARGET = "#c4314b";

function short(value: number, unit: string, lang: "zh" | "en"): string {
  if (isPercentUnit(unit)) return `${formatNumber(value * 100, lang, 2)}%`;
  const abs = Math.abs(value);
  if (abs >= 1e8) return `${formatNumber(value / 1e8, lang, 1)}${WORDS[lang].hundredMillion}`;
  if (abs >= 1e4) return `${formatNumber(value / 1e4, lang, 1)}${WORDS[lang].tenThousand}`;
  return formatNumber(value, lang, 2);
}

export function SeriesChart({ points, unit }: { points: readonly SeriesPoint[]; unit: string }) {
  const { t, lang } = useI18n();
  const s = useStyles();
  const { actual, target, bridge } = seriesLines(points);
  const values = [...actual, ...target].map((p) => p.value);
  if (values.length === 0) {
    return (
      <div className={s.box}>
        <div className={s.empty}>{t.noChart}</div>
      </div>
    );
  }
  const years = points.map((p) => p.year);
  const [y0, y1] = [Math.min(...years), Math.max(...years)];
  const lo = Math.min(0, ...values);
  const hi = Math.max(...values) * 1.12 || 1;
  const x = (year: number) =>
    y0 === y1
      ? (M.left + W - M.right) / 2
      : M.left + INSET + ((year - y0) / (y1 - y0)) * (W - M.left - M.right - 2 * INSET);
  const y = (v: number) => M.top + (1 - (v - lo) / (hi - lo)) * (H - M.top - M.bottom);
  const path = (line: ChartPoint[]) =>
    line.map((p, i) => `${i ? "L" : "M"}${x(p.year).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ");
  const said = (line: ChartPoint[]) => line.map((p) => `${p.year} ${short(p.value, unit, lang)}`).join(", ") || "—";
  const label = `${t.legendActual}: ${said(actual)}; ${t.legendTarget}: ${said(target)}`;
  const showLabels = points.length <= 8;
  const ticks = years.length <= 8 ? years : years.filter((_, i) => i % Math.ceil(years.length / 6) === 0);
  return (
    <div className={s.box}>
      <svg className={s.svg} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${t.chart}. ${label}`}>
        <line x1={M.left} x2={W - M.right} y1={y(lo)} y2={y(lo)} stroke="#bdbdbd" />
        <line x1={M.left} x2={W - M.right} y1={y(hi / 1.12)} y2={y(hi / 1.12)} stroke="#ececec" />
        <text x={M.left - 4} y={y(lo) + 4} fontSize="10" textAnchor="end" fill="#616161">
          {short(lo, unit, lang)}
        </text>
        <text x={M.left - 4} y={y(hi / 1.12) + 4} fontSize="10" textAnchor="end" fill="#616161">
          {short(hi / 1.12, unit, lang)}
        </text>
        {ticks.map((year) => (
          <text key={year} x={x(year)} y={H - 5} fontSize="10" textAnchor="middle" fill="#616161">
            {year}
          </text>
        ))}
        {actual.length > 1 ? <path d={path(actual)} fill="none" stroke={ACTUAL} strokeWidth="2" /> : null}
        {target.length > 1 ? (
          <path d={path(target)} fill="none" stroke={TARGET} strokeWidth="1.5" strokeDasharray="4 3" />
        ) : null}
        {bridge ? (
          <path
            d={`M${x(bridge[0].year)},${y(bridge[0].value)} L${x(bridge[1].year)},${y(bridge[1].value)}`}
            fill="none"
            stroke="#9e9e9e"
            strokeWidth="1"
            strokeDasharray="2 3"
          />
        ) : null}
        {actual.map((p) => (
          <g key={`a${p.year}`}>
            <circle cx={x(p.year)} cy={y(p.value)} r="3.5" fill={ACTUAL} />
            {showLabels ? (
              <text x={x(p.year)} y={y(p.value) - 7} fontSize="10" textAnchor="middle" fill={ACTUAL}>
                {short(p.value, unit, lang)}
              </text>
            ) : null}
          </g>
        ))}
        {target.map((p) => {
          const cx = x(p.year);
          const cy = y(p.value);
          return (
            <g key={`t${p.year}`}>
              <path
                d={`M${cx},${cy - 5} L${cx + 5},${cy} L${cx},${cy + 5} L${cx - 5},${cy} Z`}
                fill="#fff"
                stroke={TARGET}
                strokeWidth="1.5"
              />
              {showLabels ? (
                <text x={cx} y={cy - 8} fontSize="10" textAnchor="middle" fill={TARGET}>
                  {short(p.value, unit, lang)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <div className={s.legend} aria-hidden="true">
        <span style={{ color: ACTUAL }}>● {t.legendActual}</span>
        <span style={{ color: TARGET }}>◇ {t.legendTarget}</span>
      </div>
    </div>
  );
}

export interface Bar {
  key: string;
  label: string;
  value: number;
}

const useBarStyles = makeStyles({
  chart: { display: "flex", flexDirection: "column", gap: "4px" },
  label: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200, color: "#424242" },
  line: { display: "flex", alignItems: "center", gap: "6px" },
  track: { position: "relative", flexGrow: 1, height: "11px" },
  bar: { position: "absolute", top: 0, height: "11px", borderRadius: "2px" },
  axis: { position: "absolute", top: "-3px", bottom: "-3px", width: "1px", backgroundColor: "#9e9e9e" },
  value: {
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: "tabular-nums",
    color: "#242424",
    minWidth: "52px",
    textAlign: "right",
  },
});

/**
 * Horizontal bars, sorted by the caller. Each label sits above its bar at full width and wraps rather
 * than being cut: budget lines often share a long prefix (普通高中生均… / General public budget
 * education expenditure per…), so cut labels would all look alike.
 */
export function BarChart({ bars, title }: { bars: readonly Bar[]; title: string }) {
  const { lang } = useI18n();
  const s = useBarStyles();
  const lo = Math.min(0, ...bars.map((b) => b.value));
  const hi = Math.max(0, ...bars.map((b) => b.value)) || 1;
  const span = hi - lo || 1;
  const x = (v: number) => ((v - lo) / span) * 100; // percent of the track
  return (
    <div
      className={s.chart}
      role="img"
      aria-label={`${title}: ${bars.map((b) => `${b.label} ${percentText(b.value, lang)}`).join(", ")}`}
    >
      {bars.map((b) => {
        const left = Math.min(x(0), x(b.value));
        const width = Math.abs(x(b.value) - x(0));
        return (
          <div key={b.key} title={`${b.label}: ${percentText(b.value, lang)}`}>
            <div className={s.label}>{b.label}</div>
            <div className={s.line}>
              <div className={s.track}>
                <div
                  className={s.bar}
                  style={{
                    left: `${left}%`,
                    width: width > 0 ? `${width}%` : "1.5px",
                    backgroundColor: b.value < 0 ? TARGET : ACTUAL,
                  }}
                />
                <div className={s.axis} style={{ left: `${x(0)}%` }} />
              </div>
              <span className={s.value}>{percentText(b.value, lang)}</span>
            </div>
          </div>
        );
      })}
    </div>
  );
}
