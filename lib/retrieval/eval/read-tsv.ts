/**
 * A small reader for tab-separated files written with CSV-style quoting (what pandas' `to_csv(sep="\t")`
 * writes): a field that starts with `"` runs to the matching closing quote, may hold tabs and line
 * breaks, and spells a literal quote as `""`. A quote anywhere else in a field is an ordinary character.
 */
import { readFile } from "node:fs/promises";

export interface TsvTable {
  /** The first row's fields, as written (an unnamed index column is the empty string). */
  header: string[];
  /** Every later row, keyed by header field. */
  rows: Record<string, string>[];
}

/**
 * Splits TSV text into rows of raw fields. Accepts `\n` and `\r\n` line ends and a leading BOM; skips
 * blank lines outside quotes (they carry no row), and throws on an unterminated quote or on text after
 * a closing quote, since both mean the file is not what the caller thinks it is.
 */
export function parseTsvRows(text: string): string[][] {
  const input = text.startsWith("\ufeff") ? text.slice(1) : text;
  const rows: string[][] = [];
  let line = 1;
  let i = 0;
  while (i < input.length) {
    const row: string[] = [];
    let quotedAny = false;
    for (;;) {
      let field: string;
      if (input[i] === '"') {
        quotedAny = true;
        [field, i, line] = readQuoted(input, i, line);
        const next = input[i];
        if (next !== undefined && next !== "\t" && next !== "\n" && !(next === "\r" && input[i + 1] === "\n")) {
          throw new Error(`TSV: unexpected text after a closing quote on line ${line}`);
        }
      } else {
        let end = i;
        while (end < input.length && input[end] !== "\t" && input[end] !== "\n") end += 1;
        field = input.slice(i, end);
        if (input[end] === "\n" && field.endsWith("\r")) field = field.slice(0, -1);
        i = end;
      }
      row.push(field);
      if (input[i] === "\t") {
        i += 1;
        continue;
      }
      i += input[i] === "\r" ? 2 : 1;
      line += 1;
      break;
    }
    // A line with nothing on it carries no row (a quoted "" does: it is one empty field).
    if (row.length > 1 || row[0] !== "" || quotedAny) rows.push(row);
  }
  return rows;
}

/** Reads the quoted field opening at `start`; returns its text and the position after the closing quote. */
function readQuoted(input: string, start: number, startLine: number): [string, number, number] {
  let line = startLine;
  let field = "";
  let i = start + 1;
  for (;;) {
    const close = input.indexOf('"', i);
    if (close < 0) throw new Error(`TSV: unterminated quoted field starting on line ${startLine}`);
    const chunk = input.slice(i, close);
    for (const ch of chunk) if (ch === "\n") line += 1;
    field += chunk;
    if (input[close + 1] !== '"') return [field, close + 1, line];
    field += '"';
    i = close + 2;
  }
}

/**
 * Parses TSV text whose first row is the header into records keyed by header field. Throws when a
 * row's field count differs from the header's, naming the row, rather than guessing which field is
 * missing.
 */
export function parseTsv(text: string): TsvTable {
  const [header, ...body] = parseTsvRows(text);
  if (!header) return { header: [], rows: [] };
  const rows = body.map((fields, index) => {
    if (fields.length !== header.length) {
      throw new Error(`TSV: data row ${index + 1} has ${fields.length} fields, the header has ${header.length}`);
    }
    const record: Record<string, string> = {};
    header.forEach((name, column) => (record[name] = fields[column]!));
    return record;
  });
  return { header, rows };
}

/** Reads a UTF-8 TSV file with a header row; see {@link parseTsv}. */
export async function readTsvFile(path: string): Promise<TsvTable> {
  return parseTsv(await readFile(path, "utf8"));
}
