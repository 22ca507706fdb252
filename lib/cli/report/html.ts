/** Small pure HTML builders for the report: everything that comes from data goes through `escapeHtml`. */

/** Text safe inside an element or a quoted attribute. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char]!);
}

/** A number with `digits` decimals and thousands separators, or an en dash when it is not a finite number. */
export function num(value: unknown, digits = 0): string {
  return typeof value === "number" && Number.isFinite(value) ? value.toLocaleString("en", { minimumFractionDigits: digits, maximumFractionDigits: digits }) : "–";
}

/** A ratio as "12.3×", or an en dash. */
export function times(value: unknown, digits = 2): string {
  return typeof value === "number" && Number.isFinite(value) ? `${num(value, digits)}×` : "–";
}

/** Bytes as KiB or MiB. */
export function bytes(value: unknown): string {
  if (typeof value !== "number" || !Number.isFinite(value)) return "–";
  return value >= 1024 * 1024 ? `${num(value / 1024 / 1024, 2)} MiB` : `${num(value / 1024, 1)} KiB`;
}

/** A table; cells are escaped text. Columns after the first are numbers, right-aligned. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = headers.map((header) => `<th>${escapeHtml(header)}</th>`).join("");
  const body = rows.map((row) => `<tr>${row.map((cell, index) => `<td${index > 0 ? ' class="n"' : ""}>${escapeHtml(cell)}</td>`).join("")}</tr>`).join("\n");
  return `<div class="wide"><table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>`;
}

/** Where a section's figures come from: the command that produced them and the machine it ran on. */
export interface FigureSource {
  command: string;
  machine: { cpus?: number; cpuModel?: string; memoryGb?: number; node?: string; platform?: string; date?: string };
  file?: string;
}

/** The line under a section's title: command, machine, date. */
export function sourceLine(source: FigureSource): string {
  const { machine } = source;
  const parts = [
    `${num(machine.cpus)} CPUs${machine.cpuModel ? ` (${machine.cpuModel})` : ""}`,
    machine.memoryGb !== undefined ? `${num(machine.memoryGb)} GiB memory` : "",
    machine.node ? `Node ${machine.node}` : "",
    machine.platform ?? "",
    machine.date ?? "",
  ].filter(Boolean);
  return `<p class="source">Produced by <code>${escapeHtml(source.command)}</code> on ${escapeHtml(parts.join(", "))}.</p>`;
}

/** A section with its title, where its figures come from, and its body; or what to run when there are none. */
export function section({ id, title, source, body, missing }: { id: string; title: string; source?: FigureSource; body?: string; missing: string }): string {
  const content = source && body ? `${sourceLine(source)}\n${body}` : `<p class="missing">No figures yet. Run <code>${escapeHtml(missing)}</code>, then <code>npm run -s cli -- report</code> again.</p>`;
  return `<section id="${escapeHtml(id)}">\n<h2>${escapeHtml(title)}</h2>\n${content}\n</section>`;
}

/** A paragraph of escaped text. */
export function note(text: string): string {
  return `<p class="note">${escapeHtml(text)}</p>`;
}
