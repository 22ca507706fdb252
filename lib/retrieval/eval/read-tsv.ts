/** MLQuestions is TSV with CSV-style quoting: the shared delimited-text reader with a tab. */
import { parseDelimited, parseDelimitedRows, readDelimitedFile, type DelimitedTable } from "@/lib/read-delimited";

export type TsvTable = DelimitedTable;
export const parseTsvRows = (text: string): string[][] => parseDelimitedRows(text, "\t");
export const parseTsv = (text: string): TsvTable => parseDelimited(text, "\t");
export const readTsvFile = (path: string): Promise<TsvTable> => readDelimitedFile(path, "\t");
