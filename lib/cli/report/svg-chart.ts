import { escapeHtml, num } from "./html";

export interface BarGroup {
  label: string;
  /** One value per series; a missing or non-finite one is drawn as "n/a". */
  values: readonly (number | null | undefined)[];
}

const COLORS = ["#3465a4", "#f57900", "#4e9a06", "#75507b", "#c4a000", "#cc0000"];
const WIDTH = 760;
const LABEL = 210;
const BAR = 14;
const GAP = 10;

/**
 * A horizontal grouped bar chart as inline SVG (no script, no external asset): one group per row
 * label, one bar per series, each bar labelled with its value. The scale starts at zero.
 */
export function barChart({ title, series, groups, unit, digits = 1 }: { title: string; series: readonly string[]; groups: readonly BarGroup[]; unit: string; digits?: number }): string {
  const finite = groups.flatMap((group) => group.values.filter((value): value is number => typeof value === "number" && Number.isFinite(value)));
  const max = Math.max(...finite, 0) || 1;
  const plot = WIDTH - LABEL - 90;
  const legendHeight = 22;
  const groupHeight = series.length * (BAR + 2) + GAP;
  const height = legendHeight + 24 + groups.length * groupHeight;
  const parts: string[] = [];
  parts.push(`<text x="0" y="14" class="title">${escapeHtml(title)}</text>`);
  // Legend entries side by side, each as wide as its name (about 6.5 px a character at 12 px).
  let x = LABEL;
  series.forEach((name, index) => {
    if (index > 0) x += 16 + Math.ceil(series[index - 1]!.length * 6.5) + 18;
    parts.push(`<rect x="${x}" y="22" width="12" height="12" fill="${COLORS[index % COLORS.length]}"/><text x="${x + 16}" y="32">${escapeHtml(name)}</text>`);
  });
  groups.forEach((group, groupIndex) => {
    const top = legendHeight + 24 + groupIndex * groupHeight;
    parts.push(`<text x="${LABEL - 8}" y="${top + (series.length * (BAR + 2)) / 2 + 4}" text-anchor="end">${escapeHtml(group.label)}</text>`);
    series.forEach((_, index) => {
      const value = group.values[index];
      const y = top + index * (BAR + 2);
      if (typeof value !== "number" || !Number.isFinite(value)) {
        parts.push(`<text x="${LABEL + 4}" y="${y + BAR - 3}" class="na">n/a</text>`);
        return;
      }
      const width = Math.max(1, (Math.max(0, value) / max) * plot);
      parts.push(
        `<rect x="${LABEL}" y="${y}" width="${width.toFixed(1)}" height="${BAR}" fill="${COLORS[index % COLORS.length]}"><title>${escapeHtml(`${series[index]}: ${num(value, digits)} ${unit}`)}</title></rect>` +
          `<text x="${(LABEL + width + 4).toFixed(1)}" y="${y + BAR - 3}">${escapeHtml(`${num(value, digits)} ${unit}`)}</text>`,
      );
    });
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeHtml(title)}">${parts.join("")}</svg>`;
}
