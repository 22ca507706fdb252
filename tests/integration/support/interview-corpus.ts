import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { InterviewView } from "@/lib/interview/types";

/**
 * A small study corpus for the interview engine's integration tests: two documents, three
 * questions each, every answer three sentences long so an answer can cover some key points and
 * miss others. The documents have one heading each (a title), so topics are derived from the
 * questions: "Regularisation" and "Optimisation and training". Co-adaptation is defined in the
 * regularisation notes, so a clarifying question about it during an optimisation interview finds
 * it outside the question being asked.
 */

export const REGULARISATION = "Regularisation";
export const OPTIMISATION = "Optimisation and training";

export interface CorpusQuestion {
  question: string;
  topic: string;
  /** What it asks about, as any phrasing of it says it (lower case). */
  subject: string;
  /** The reference answer's sentences (the key points, as the rubric splits them). */
  points: [string, string, string];
  /** An answer in the person's own words that makes the first point and nothing else. */
  partial: string;
  /** An answer that makes every point. */
  complete: string;
}

export const QUESTIONS: CorpusQuestion[] = [
  {
    question: "What is dropout?",
    subject: "dropout",
    topic: REGULARISATION,
    points: [
      "Dropout randomly deactivates a fraction of the neurons during each training step.",
      "This prevents neurons from co-adapting, which reduces overfitting.",
      "At inference time every neuron is used and the outputs are scaled by the keep probability.",
    ],
    partial: "Dropout is a technique where, during each training step, a random fraction of the neurons is deactivated.",
    complete:
      "Dropout randomly deactivates a fraction of the neurons during each training step. That prevents neurons from co-adapting, so it reduces overfitting. At inference time every neuron is used and the outputs are scaled by the keep probability.",
  },
  {
    question: "What is early stopping?",
    subject: "early stopping",
    topic: REGULARISATION,
    points: [
      "Early stopping halts training when the validation loss stops improving.",
      "It keeps the weights from the epoch with the best validation score.",
      "This limits overfitting without changing the model itself.",
    ],
    partial: "With early stopping you halt the training as soon as the validation loss stops improving.",
    complete:
      "Early stopping halts training when the validation loss stops improving. It keeps the weights from the epoch with the best validation score. That limits overfitting without changing the model itself.",
  },
  {
    question: "Why do large networks overfit?",
    subject: "large networks",
    topic: REGULARISATION,
    points: [
      "Large networks have enough capacity to memorise the training set, noise included.",
      "Co-adaptation is when neurons rely on specific other neurons to correct their mistakes instead of learning useful features on their own.",
      "More data, weight decay and dropout all help against it.",
    ],
    partial: "A large network has so much capacity that it can memorise the whole training set, including the noise in it.",
    complete:
      "Large networks have enough capacity to memorise the training set, noise included. Co-adaptation is when neurons rely on specific other neurons to correct their mistakes instead of learning useful features. More data, weight decay and dropout all help against it.",
  },
  {
    question: "What is an epoch?",
    subject: "epoch",
    topic: OPTIMISATION,
    points: [
      "An epoch is one full pass of the training data through the network.",
      "Training usually runs for many epochs until the loss converges.",
      "The training data is usually shuffled between epochs so batches differ.",
    ],
    partial: "An epoch means one complete pass of all the training data through the network.",
    complete:
      "An epoch is one full pass of the training data through the network. Training usually runs for many epochs until the loss converges. The training data is shuffled between epochs so the batches differ.",
  },
  {
    question: "What does the learning rate control?",
    subject: "learning rate",
    topic: OPTIMISATION,
    points: [
      "The learning rate scales the size of each weight update.",
      "If it is set too large, the loss diverges or oscillates.",
      "Schedules often decay it during training so the weights settle into a minimum.",
    ],
    partial: "The learning rate scales how big each weight update is.",
    complete:
      "The learning rate scales the size of each weight update. If it is set too large, the loss diverges or oscillates. Schedules often decay it during training so the weights settle into a minimum.",
  },
  {
    question: "What is gradient descent?",
    subject: "gradient descent",
    topic: OPTIMISATION,
    points: [
      "Gradient descent updates the weights in the direction opposite to the gradient of the loss.",
      "Each step moves the weights by the learning rate times the gradient.",
      "Stochastic gradient descent estimates the gradient on a mini-batch.",
    ],
    partial: "Gradient descent updates the weights in the opposite direction to the gradient of the loss.",
    complete:
      "Gradient descent updates the weights in the direction opposite to the gradient of the loss. Each step moves the weights by the learning rate times the gradient. Stochastic gradient descent estimates the gradient on a mini-batch.",
  },
];

/** The corpus question with this wording (as asked in a plan, which keeps the document's words). */
export function corpusQuestion(question: string): CorpusQuestion {
  const found = QUESTIONS.find((item) => item.question === question);
  if (!found) throw new Error(`not a corpus question: ${question}`);
  return found;
}

/** The question the interview is asking (its latest question turn), as the corpus has it, with its id. */
export function askedQuestion(view: InterviewView, bank: readonly { id: string; question: string }[]): CorpusQuestion & { id: string } {
  const asked = view.messages.filter((message) => message.kind === "question" && message.questionId).at(-1);
  const item = bank.find((question) => question.id === asked?.questionId);
  if (!item) throw new Error("the interview asks no question of the corpus");
  return { ...corpusQuestion(item.question), id: item.id };
}

function document(title: string, topic: string): string {
  const items = QUESTIONS.filter((item) => item.topic === topic);
  return [`# ${title}`, "", ...items.flatMap((item, index) => [`## ${index + 1}. ${item.question}`, "", item.points.join(" "), ""])].join("\n");
}

/** The documents relative to the root: `notes/regularisation.md` and `notes/optimisation.md`. */
export const DOCUMENTS = {
  "notes/regularisation.md": document("Regularisation notes", REGULARISATION),
  "notes/optimisation.md": document("Optimisation notes", OPTIMISATION),
};

/** The 1-based line of a question's heading in its document. */
export function questionLine(question: string): { document: string; line: number } {
  for (const [name, text] of Object.entries(DOCUMENTS)) {
    const index = text.split("\n").findIndex((line) => line.endsWith(` ${question}`));
    if (index >= 0) return { document: name, line: index + 1 };
  }
  throw new Error(`not in the documents: ${question}`);
}

/** A fresh temporary folder holding the documents under `notes/`, and a `data/` folder for the app. */
export function writeCorpus(prefix: string): { root: string; dataDir: string; remove: () => void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [name, text] of Object.entries(DOCUMENTS)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  const dataDir = path.join(root, "data");
  fs.mkdirSync(dataDir);
  return { root, dataDir, remove: () => fs.rmSync(root, { recursive: true, force: true }) };
}
