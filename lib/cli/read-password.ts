import readline from "node:readline";
import { AppError } from "@/lib/errors";

/**
 * A password from the first line of stdin (`fromStdin`, for scripts), or typed at the terminal
 * twice without echo. Fails clearly when neither is possible.
 */
export async function readPassword({ fromStdin, prompt }: { fromStdin: boolean; prompt: string }): Promise<string> {
  if (fromStdin) return firstLineOfStdin();
  if (!process.stdin.isTTY) throw new AppError("bad_request", "No terminal to type a password in: pass --password-stdin and pipe it in.");
  const first = await askHidden(prompt);
  const again = await askHidden("Again: ");
  if (first !== again) throw new AppError("bad_request", "The two passwords differ; nothing was changed.");
  return first;
}

async function firstLineOfStdin(): Promise<string> {
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return "";
}

function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    // Echo nothing but the prompt while the password is typed.
    (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = (text: string) => {
      if (text.includes(prompt)) process.stderr.write(prompt);
    };
    rl.question(prompt, (answer) => {
      rl.close();
      process.stderr.write("\n");
      resolve(answer);
    });
  });
}
