/** The grading datasets are CSV: the shared delimited-text reader with a comma. */
import { parseDelimited, parseDelimitedRows, readDelimitedFile, requireColumns, type DelimitedTable } from "@/lib/read-delimited";

export type CsvTable = DelimitedTable;
export const parseCsvRows = (text: string): string[][] => parseDelimitedRows(text, ",");
export const parseCsv = (text: string): CsvTable => parseDelimited(text, ",");
export const readCsvFile = (path: string): Promise<CsvTable> => readDelimitedFile(path, ",");
export const requireCsvColumns = requireColumns;
