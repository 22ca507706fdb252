import fs from "node:fs";
import readline from "node:readline";

/** The lines of a file, or of stdin for `-`, one at a time (a long JSONL input is never held whole). */
export async function* readLines(file: string): AsyncGenerator<{ line: string; number: number }> {
  const input = file === "-" ? process.stdin : fs.createReadStream(file, { encoding: "utf8" });
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number++;
    if (line.trim()) yield { line, number };
  }
}
