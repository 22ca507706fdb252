/**
 * A small reader for comma- or tab-separated text with RFC 4180 quoting (what Python's `csv` module
 * and pandas write, with either separator): a field that starts with `"` runs to the matching
 * closing quote, may hold separators and line breaks, and spells a literal quote as `""`; a quote
 * anywhere else in a field is an ordinary character. Rows end at `\n`, `\r\n` or a lone `\r` outside
 * quotes; line breaks inside quotes are kept as written.
 */
import { readFile } from "node:fs/promises";

export interface DelimitedTable {
  /** The first row's fields, as written. */
  header: string[];
  /** Every later row, keyed by header field. */
  rows: Record<string, string>[];
}

/**
 * Splits CSV text into rows of raw fields. Accepts a leading BOM; skips blank lines outside quotes
 * (they carry no row), and throws on an unterminated quote or on text after a closing quote, since
 * both mean the file is not what the caller thinks it is.
 */
export function parseDelimitedRows(text: string, delimiter: "," | "\t", label = delimiter === "," ? "CSV" : "TSV"): string[][] {
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
        [field, i, line] = readQuoted(input, i, line, label);
        const next = input[i];
        if (next !== undefined && next !== delimiter && next !== "\n" && next !== "\r") {
          throw new Error(`${label}: unexpected text after a closing quote on line ${line}`);
        }
      } else {
        let end = i;
        while (end < input.length && input[end] !== delimiter && input[end] !== "\n" && input[end] !== "\r") end += 1;
        field = input.slice(i, end);
        i = end;
      }
      row.push(field);
      if (input[i] === delimiter) {
        i += 1;
        continue;
      }
      // End of row: `\r\n`, `\n`, a lone `\r`, or the end of the text.
      i += input[i] === "\r" && input[i + 1] === "\n" ? 2 : 1;
      line += 1;
      break;
    }
    // A line with nothing on it carries no row (a quoted "" does: it is one empty field).
    if (row.length > 1 || row[0] !== "" || quotedAny) rows.push(row);
  }
  return rows;
}

/** Reads the quoted field opening at `start`; returns its text and the position after the closing quote. */
function readQuoted(input: string, start: number, startLine: number, label: string): [string, number, number] {
  let line = startLine;
  let field = "";
  let i = start + 1;
  for (;;) {
    const close = input.indexOf('"', i);
    if (close < 0) throw new Error(`${label}: unterminated quoted field starting on line ${startLine}`);
    const chunk = input.slice(i, close);
    line += countLineBreaks(chunk);
    field += chunk;
    if (input[close + 1] !== '"') return [field, close + 1, line];
    field += '"';
    i = close + 2;
  }
}

/** Line breaks in `text`, counting `\r\n` once, so error messages name the right line. */
function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === "\n" || (text[i] === "\r" && text[i + 1] !== "\n")) count += 1;
  }
  return count;
}

/**
 * Parses CSV text whose first row is the header into records keyed by header field. Throws when a
 * row's field count differs from the header's, naming the row, rather than guessing which field is
 * missing, and on a repeated header name, which would silently drop a column.
 */
export function parseDelimited(text: string, delimiter: "," | "\t", label = delimiter === "," ? "CSV" : "TSV"): DelimitedTable {
  const [header, ...body] = parseDelimitedRows(text, delimiter, label);
  if (!header) return { header: [], rows: [] };
  const duplicate = header.find((name, index) => header.indexOf(name) !== index);
  if (duplicate !== undefined) throw new Error(`${label}: the header names column "${duplicate}" twice`);
  const rows = body.map((fields, index) => {
    if (fields.length !== header.length) {
      throw new Error(`${label}: data row ${index + 1} has ${fields.length} fields, the header has ${header.length}`);
    }
    const record: Record<string, string> = {};
    header.forEach((name, column) => (record[name] = fields[column]!));
    return record;
  });
  return { header, rows };
}

/** Reads a UTF-8 delimited file with a header row; see {@link parseDelimited}. */
export async function readDelimitedFile(path: string, delimiter: "," | "\t"): Promise<DelimitedTable> {
  return parseDelimited(await readFile(path, "utf8"), delimiter);
}

/** Throws naming the columns of `columns` that `table` lacks; `file` labels the message. */
export function requireColumns(table: DelimitedTable, columns: readonly string[], file: string): void {
  const missing = columns.filter((column) => !table.header.includes(column));
  if (missing.length > 0) throw new Error(`${file}: missing column(s) ${missing.join(", ")}`);
}
