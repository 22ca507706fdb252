/**
 * A progress bar on stderr for long work. On a terminal it redraws one line; in a log or a pipe
 * (CI, `2> file`) it writes one line per step instead, so the output stays readable.
 */
export function createProgressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const interactive = Boolean(stream.isTTY);
  const width = 24;
  return {
    update(done: number, total: number, detail: string) {
      const fraction = total === 0 ? 1 : done / total;
      const filled = Math.round(fraction * width);
      const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
      const line = `${label} [${bar}] ${done}/${total} ${detail}`;
      if (interactive) {
        const columns = stream.columns || 100;
        stream.write(`\r${line.slice(0, columns - 1).padEnd(columns - 1)}`);
      } else {
        stream.write(`${line}\n`);
      }
    },
    finish() {
      if (interactive) stream.write("\n");
    },
  };
}
