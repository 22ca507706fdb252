/**
 * A synthetic study corpus of any size, for the search benchmarks: passages written with the seed
 * documents' own vocabulary, and embedding-like vectors. Everything is a pure function of the seed,
 * and each passage of its index alone, so a million passages can be produced slice by slice with
 * the same result as all at once.
 *
 * Vectors are clustered the way sentence embeddings are: a direction all of them share (real models
 * are anisotropic), a topic centroid, a few topic-specific directions (a low intrinsic dimension)
 * and some isotropic noise. Uniform random unit vectors would be the worst case for an approximate
 * index (every point nearly equidistant from every other, no structure to exploit); these make the
 * HNSW recall figure speak about data shaped like the app's.
 */
import { seededRandom } from "@/lib/seeded-random";

export interface SyntheticCorpusOptions {
  /** Words of the seed documents, commonest first: ranks give the Zipf frequencies. */
  vocabulary: readonly string[];
  size: number;
  dims?: number;
  seed?: number;
  /** Default: about √size / 2, at least 8. */
  topics?: number;
}

export interface SyntheticSlice {
  texts: string[];
  vectors: Float32Array[];
  topics: number[];
}

export interface SyntheticQuery {
  text: string;
  vector: Float32Array;
  /** The passage it was drawn from. */
  passage: number;
}

export interface SyntheticCorpus {
  size: number;
  dims: number;
  topics: number;
  /** Passages start..start+count-1 (clamped to the corpus). */
  slice(start: number, count: number): SyntheticSlice;
  /** Held-out queries: a few content words of a random passage, and that passage's vector perturbed. */
  queries(count: number, seed?: number): SyntheticQuery[];
}

const TOPIC_WORDS = 40;
const TOPIC_WORD_SHARE = 0.25;
const SUBSPACE = 16;
// Weights of the shared direction, the topic centroid, the topic subspace and the isotropic noise.
const [SHARED, CENTROID, LOCAL, NOISE] = [0.45, 0.6, 0.55, 0.35];
const QUERY_NOISE = 0.5;

const STOP_WORDS = new Set(
  ("a about above after again all also an and any are as at be because been before being below between both but by can could did do does doing " +
    "down during each few for from further had has have having he her here hers him his how i if in into is it its itself just more most my " +
    "no nor not now of off on once only or other our out over own same she should so some such than that the their them then there these they " +
    "this those through to too under until up use used using very was we were what when where which while who whom why will with would you your").split(" "),
);

/** The seed documents' words, commonest first (ties alphabetical, so the order is deterministic). */
export function vocabularyFromTexts(texts: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const word of text.toLowerCase().match(/[a-z][a-z-]*[a-z]|[a-z]/g) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word);
}

/** Builds the corpus description; passages and vectors are generated on demand. */
export function createSyntheticCorpus(options: SyntheticCorpusOptions): SyntheticCorpus {
  const { vocabulary, size, dims = 384, seed = 1 } = options;
  if (vocabulary.length < 50) throw new RangeError(`The vocabulary is too small (${vocabulary.length} words) to write passages with.`);
  const topicCount = options.topics ?? Math.max(8, Math.round(Math.sqrt(size) / 2));
  const global = zipfTable(vocabulary.length, 1.0);
  const topicTable = zipfTable(TOPIC_WORDS, 0.8);
  const setup = seededRandom(mix(seed, 0x7fffffff));
  const shared = unitGaussian(setup, dims);
  // Topic words come from below the commonest ranks: the subjects, not the glue words.
  const contentRanks = vocabulary.map((_, rank) => rank).filter((rank) => rank >= 30 && !STOP_WORDS.has(vocabulary[rank]!));
  const topics = Array.from({ length: topicCount }, () => ({
    words: Array.from({ length: TOPIC_WORDS }, () => vocabulary[contentRanks[Math.floor(setup() * contentRanks.length)]!]!),
    centroid: unitGaussian(setup, dims),
    basis: Array.from({ length: SUBSPACE }, () => unitGaussian(setup, dims)),
  }));

  const passage = (index: number) => {
    const random = seededRandom(mix(seed, index));
    const topicIndex = Math.floor(random() * topicCount);
    const topic = topics[topicIndex]!;
    const words: string[] = [];
    const length = 30 + Math.floor(random() * 51);
    while (words.length < length) {
      const sentence = Math.min(6 + Math.floor(random() * 10), length - words.length);
      for (let position = 0; position < sentence; position++) {
        const word = random() < TOPIC_WORD_SHARE ? topic.words[draw(topicTable, random())]! : vocabulary[draw(global, random())]!;
        words.push(position === 0 ? word[0]!.toUpperCase() + word.slice(1) : word);
      }
      words[words.length - 1] += ".";
    }
    const vector = new Float32Array(dims);
    addScaled(vector, shared, SHARED);
    addScaled(vector, topic.centroid, CENTROID);
    for (const direction of topic.basis) addScaled(vector, direction, (LOCAL * gaussian(random)) / Math.sqrt(SUBSPACE));
    addScaled(vector, unitGaussian(random, dims), NOISE);
    return { text: words.join(" "), vector: normalize(vector), topic: topicIndex };
  };

  return {
    size,
    dims,
    topics: topicCount,
    slice(start, count) {
      const slice: SyntheticSlice = { texts: [], vectors: [], topics: [] };
      for (let index = Math.max(0, start); index < Math.min(size, start + count); index++) {
        const { text, vector, topic } = passage(index);
        slice.texts.push(text);
        slice.vectors.push(vector);
        slice.topics.push(topic);
      }
      return slice;
    },
    queries(count, querySeed = seed + 1) {
      return Array.from({ length: count }, (_, number) => {
        const random = seededRandom(mix(querySeed ^ 0x51ed27, number));
        const index = Math.floor(random() * size);
        const source = passage(index);
        const content = [...new Set(source.text.toLowerCase().replaceAll(".", "").split(" "))].filter((word) => word.length >= 3 && !STOP_WORDS.has(word));
        const picked: string[] = [];
        const wanted = Math.min(content.length, 2 + Math.floor(random() * 3));
        while (picked.length < wanted) picked.push(...content.splice(Math.floor(random() * content.length), 1));
        const vector = Float32Array.from(source.vector);
        addScaled(vector, unitGaussian(random, dims), QUERY_NOISE);
        return { text: picked.join(" "), vector: normalize(vector), passage: index };
      });
    },
  };
}

/** A well-spread 32-bit seed from two numbers (murmur3's finaliser), so neighbouring passages differ. */
function mix(a: number, b: number): number {
  let h = (Math.imul(a, 0x9e3779b1) ^ b) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Cumulative Zipf weights 1/rank^s, for sampling by binary search. */
function zipfTable(n: number, s: number): Float64Array {
  const table = new Float64Array(n);
  let total = 0;
  for (let rank = 0; rank < n; rank++) table[rank] = total += 1 / (rank + 1) ** s;
  for (let rank = 0; rank < n; rank++) table[rank]! /= total;
  return table;
}

function draw(table: Float64Array, u: number): number {
  let [low, high] = [0, table.length - 1];
  while (low < high) {
    const middle = (low + high) >> 1;
    if (table[middle]! < u) low = middle + 1;
    else high = middle;
  }
  return low;
}

function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function unitGaussian(random: () => number, dims: number): Float32Array {
  const vector = new Float32Array(dims);
  for (let i = 0; i < dims; i++) vector[i] = gaussian(random);
  return normalize(vector);
}

function addScaled(target: Float32Array, source: Float32Array, scale: number): void {
  for (let i = 0; i < target.length; i++) target[i]! += scale * source[i]!;
}

function normalize(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < vector.length; i++) vector[i]! /= norm;
  return vector;
}
