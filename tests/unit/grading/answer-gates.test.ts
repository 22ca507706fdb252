import { describe, expect, it } from "vitest";
import { copiesQuestion, isGibberish, isKeywordList, isNoAnswer, isWordSalad, knownAnswers, recitesAnotherAnswer } from "@/lib/grading/answer-gates";

const vocabulary = new Set(["dropout", "relu", "backpropagation", "softmax"]);

describe("answer gates", () => {
  it.each(["I don't know", "um, honestly I have no idea", "idk", "Sorry, I can't remember.", "", "   ", "?"])("%j is no answer", (answer) => {
    expect(isNoAnswer(answer)).toBe(true);
  });

  it("an answer that starts unsure but then explains is an answer", () => {
    expect(isNoAnswer("I'm not sure, but I think dropout randomly disables neurons during training so the network cannot rely on any single unit.")).toBe(false);
    expect(isNoAnswer("Dropout disables units.")).toBe(false);
  });

  it.each(["asdf qwer zxcv hjkl", "sdfkjh wqeoiru zmxncb", "aaaaaa bbbbbb cccccc", "12873 98127 !!! ### 0000"])("%j is gibberish", (answer) => {
    expect(isGibberish(answer, vocabulary)).toBe(true);
  });

  it.each(["Dropout randomly disables neurons during training.", "uh so relu is like max of zero and x", "Softmax normalises logits into probabilities."])("%j is not gibberish", (answer) => {
    expect(isGibberish(answer, vocabulary)).toBe(false);
  });

  it("spots the question said back, but not an answer that reuses its words", () => {
    const question = "What is the vanishing gradient problem in deep networks?";
    expect(copiesQuestion("The vanishing gradient problem in deep networks.", question)).toBe(true);
    expect(copiesQuestion("It is the vanishing gradient problem, in deep networks", question)).toBe(true);
    expect(copiesQuestion("Gradients shrink as they are multiplied through many layers, so early layers of deep networks barely learn.", question)).toBe(false);
  });

  it("spots a keyword list, but not a sentence", () => {
    expect(isKeywordList("dropout, regularization, overfitting, neurons, training, ensemble")).toBe(true);
    expect(isKeywordList("dropout\nregularisation\nensemble\nco-adaptation\nneurons\ntraining")).toBe(true);
    expect(isKeywordList("Name, parameters, scope, and other general function information")).toBe(false);
    expect(isKeywordList("gradient descent backpropagation learning rate momentum weights loss")).toBe(true);
    expect(isKeywordList("Dropout is a regularisation method: it drops units at random, which prevents co-adaptation.")).toBe(false);
    expect(isKeywordList("ReLU, sigmoid and tanh are activation functions.")).toBe(false);
  });

  it("spots the reference's words shuffled, but not a paraphrase or the reference itself", () => {
    const reference =
      "Batch normalisation normalises each layer's inputs over the mini-batch using its mean and variance, then scales and shifts them with learned parameters, which stabilises training and allows higher learning rates.";
    const shuffled = "parameters variance higher layer's learned mean stabilises mini-batch normalises rates inputs scales training batch shifts normalisation learning allows";
    expect(isWordSalad(shuffled, reference)).toBe(true);
    expect(isWordSalad(reference, reference)).toBe(false);
    const paraphrase = "It takes each layer's inputs and normalises them with the batch mean and variance, then applies a learned scale and shift; training becomes more stable and you can use bigger learning rates.";
    expect(isWordSalad(paraphrase, reference)).toBe(false);
  });

  it("keeps a terse answer, one that keeps the reference's terms whole, and code out of the keyword list", () => {
    const reference = "Function members and data members.";
    expect(isKeywordList("data members and member functions", reference)).toBe(false);
    expect(isKeywordList("nodes take up more memory", "Extra space required to store the back pointers.")).toBe(false);
    expect(isKeywordList("repetition, termination test, eventually terminate, occur infinately")).toBe(false);
    expect(isKeywordList("void inorder(ptNode ptr) { if (ptr) { inorder(ptr->left); visit(ptr); inorder(ptr->right); } }")).toBe(false);
  });

  it("spots the reference's words picked out of their phrases", () => {
    const reference = "No, because the gradient is calculated at each epoch using the entire training data, so shuffling does not make a difference.";
    expect(isKeywordList("because calculated epoch entire make difference", reference)).toBe(true);
    expect(isKeywordList("the gradient is calculated on the entire training data at each epoch", reference)).toBe(false);
  });

  it("does not take code written with the question's names for the question said back", () => {
    expect(copiesQuestion("*(array + offset)", "How can an array be addressed in pointer/offset notation?")).toBe(false);
  });

  it("spots a shuffle even when the reference repeats its words and the shuffle keeps common pairs", () => {
    const reference =
      "The input layer contains input neurons which send information to the hidden layer.\nThe hidden layer is used to send data to the output layer.\nThe data is made available at the output layer.";
    const shuffled = "is layer output contains hidden send made layer available layer input to the used information neurons which layer at is data layer input to input layer hidden the layer output layer hidden to send the output data the";
    expect(isWordSalad(shuffled, reference)).toBe(true);
    const retold = "Input neurons in the input layer send information on to the hidden layer; the hidden layer sends data to the output layer, where the data is made available.";
    expect(isWordSalad(retold, reference)).toBe(false);
  });

  it("spots seven terms run together without grammar or punctuation, but not a terse spoken sentence", () => {
    expect(isKeywordList("shrink weights towards zero make worse cases")).toBe(true);
    expect(isKeywordList("it shrinks the weights towards zero so gradients vanish faster")).toBe(false);
    expect(isKeywordList("dropout randomly deactivates neurons during training which reduces overfitting")).toBe(false);
  });

  it("recognises another question's reference recited, dressed up or not, but not this question's own", () => {
    const own = "You can give each neuron its own bias; a shared bias for a layer also works but behaves differently.";
    const neighbour = {
      question: "Why not initialise all weights to the same value?",
      answer: "If we initialize all the weights to be the same we would not be able to break the symmetry, so all gradients will be updated the same and the network will not be able to learn.",
    };
    const others = knownAnswers([neighbour, { question: "Same bias?", answer: own }]);
    expect(recitesAnotherAnswer(neighbour.answer, own, others)).toBe(neighbour.question);
    const dressed = "If we initialize all the crucial weights to be the essential same we would not be able to break the fundamental symmetry.";
    expect(recitesAnotherAnswer(dressed, own, others)).toBe(neighbour.question);
    expect(recitesAnotherAnswer(own, own, others)).toBeNull();
    const honest = "Yes, one bias can be shared by the whole hidden layer, though a bias per neuron lets each unit shift its own threshold.";
    expect(recitesAnotherAnswer(honest, own, others)).toBeNull();
  });

  it("does not take the grammar every answer shares for a recital", () => {
    const other = { question: "What is backpropagation?", answer: "It computes the gradient of the loss with respect to the weights of the network during training, layer by layer." };
    const own = "Deep learning is machine learning with neural networks of many layers that learn features from raw data.";
    const vague = "so it is about the weights and the gradient of the loss, during training of the network";
    expect(recitesAnotherAnswer(vague, own, knownAnswers([other]))).toBeNull();
  });
});
