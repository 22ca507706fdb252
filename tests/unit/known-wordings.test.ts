import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { KnownWordings } from "@/lib/db/queries/known-wordings";
import { blockingKeys, isSameQuestion } from "@/lib/ingest/question-identity";
import { seededRandom } from "@/lib/seeded-random";

/**
 * Blocking must never lose a merge: over the seed corpus's questions and variants of them (typos
 * of every kind, other openers, other casing and punctuation, words reordered), every pair the
 * merge rule calls the same shares a blocking key, and matching with keys finds exactly what
 * comparing every pair finds.
 */

const seedQuestions = fs
  .readdirSync("content")
  .filter((name) => name.endsWith(".txt"))
  .flatMap((name) => fs.readFileSync(path.join("content", name), "utf8").split("\n"))
  .map((line) => line.replace(/^\s*(\d+[.)]|#+|Q\d*[.:]?|[-*])\s*/, "").trim())
  .filter((line) => line.endsWith("?") && line.length < 200);

function variants(question: string, random: () => number): string[] {
  const words = question.split(" ");
  const pick = () => Math.floor(random() * words.length);
  const typo = (kind: number) => {
    const copy = [...words];
    const index = pick();
    const word = copy[index]!;
    const at = Math.floor(random() * word.length);
    copy[index] = kind === 0 ? word.slice(0, at) + word.slice(at + 1) : kind === 1 ? `${word.slice(0, at)}x${word.slice(at)}` : `${word.slice(0, at)}q${word.slice(at + 1)}`;
    return copy.join(" ");
  };
  const swapped = [...words];
  const [i, j] = [pick(), pick()];
  [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
  return [typo(0), typo(1), typo(2), swapped.join(" "), question.toUpperCase(), question.replace(/^What is /i, "What do you mean by "), question.replace(/\?$/, "")];
}

const random = seededRandom(7);
const wordings = [...new Set(seedQuestions.flatMap((question) => [question, ...variants(question, random)]))];

describe("blocking keys", () => {
  it("are shared by every pair the merge rule calls the same", () => {
    expect(seedQuestions.length).toBeGreaterThan(100);
    const keys = wordings.map((wording) => ({ probe: blockingKeys(wording).probe, all: new Set(blockingKeys(wording).all) }));
    let same = 0;
    for (let a = 0; a < wordings.length; a++) {
      for (let b = 0; b < wordings.length; b++) {
        if (a === b || !isSameQuestion(wordings[a]!, wordings[b]!)) continue;
        same++;
        expect(keys[b]!.probe.some((key) => keys[a]!.all.has(key)), `${wordings[a]} / ${wordings[b]}`).toBe(true);
      }
    }
    // The variants really do merge with their originals: the property was tested on many pairs.
    expect(same).toBeGreaterThan(wordings.length);
  });

  it("let ingestion find the same first match as comparing every stored wording", () => {
    const policy = { isSameQuestion, blockingKeys };
    const blocked = new KnownWordings(policy);
    const naive = new KnownWordings({ isSameQuestion });
    let merged = 0;
    wordings.forEach((question, index) => {
      const found = blocked.findSame(question);
      expect(found, question).toBe(naive.findSame(question));
      if (found) merged++;
      const row = { questionId: found ?? `q${index}`, question };
      blocked.add(row);
      naive.add(row);
    });
    expect(merged).toBeGreaterThan(wordings.length / 2);
  });
});
