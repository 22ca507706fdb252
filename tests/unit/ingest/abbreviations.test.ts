import { describe, expect, it } from "vitest";
import { abbreviationKey, extractAbbreviations } from "@/lib/ingest/abbreviations";

const pairs = (text: string) => extractAbbreviations(text).map(({ short, long }) => `${short}=${long}`);

describe("extractAbbreviations: long form first", () => {
  it("finds the classic definitions, lowercasing the long form", () => {
    expect(pairs("A Convolutional Neural Network (CNN) works better with image data.")).toEqual(["CNN=convolutional neural network"]);
    expect(pairs("So, there are two primary components of Generative Adversarial Network (GAN) named:")).toEqual([
      "GAN=generative adversarial network",
    ]);
    expect(pairs("tasks like time-series forecasting or natural language processing (NLP).")).toEqual(["NLP=natural language processing"]);
  });

  it("reads hyphens, stop words inside, digits and camel case", () => {
    expect(pairs("alternatives such as Long Short-Term Memory (LSTM) and Gated Recurrent Unit (GRU).")).toEqual([
      "LSTM=long short-term memory",
      "GRU=gated recurrent unit",
    ]);
    expect(pairs("It is usually known as Back-propagation Through Time (BPTT).")).toEqual(["BPTT=back-propagation through time"]);
    expect(pairs("Figure 5. AUC is the Area under the ROC Curve (AUC).")).toEqual(["AUC=area under the roc curve"]);
    expect(pairs("The analysis of variance (ANOVA) compares means.")).toEqual(["ANOVA=analysis of variance"]);
    expect(pairs("Least Absolute Shrinkage and Selection Operator (LASSO) shrinks weights.")).toEqual([
      "LASSO=least absolute shrinkage and selection operator",
    ]);
    expect(pairs("Sequence-to-sequence learning (Seq2Seq) maps sequences.")).toEqual(["Seq2Seq=sequence-to-sequence"]);
    expect(pairs("message digest 5 (MD5) is a hash")).toEqual(["MD5=message digest 5"]);
    expect(pairs("TensorFlow Federated (TFF) is a framework")).toEqual(["TFF=tensorflow federated"]);
    expect(pairs("the Leaky ReLU (LReLU or LReL) allows small negative values")).toEqual(["LReLU=leaky relu"]);
    expect(pairs("and quartile 3 (Q3).")).toEqual(["Q3=quartile 3"]);
  });

  it("drops a plural s from the short form and the long form it defines", () => {
    expect(pairs("particularly Convolutional Neural Networks (CNNs) and fully connected multilayer perceptrons (MLPs).")).toEqual([
      "CNN=convolutional neural network",
      "MLP=multilayer perceptron",
    ]);
    expect(pairs("Markov networks (MNs) are undirected.")).toEqual(["MN=markov network"]);
    // A singular short form keeps the long form as written.
    expect(pairs("support vector machines (SVM) and logistic regression (LR)")).toEqual(["SVM=support vector machines", "LR=logistic regression"]);
  });

  it("prefers the words whose initials spell the short form", () => {
    expect(pairs("a deep neural network training recipe (NN)")).toEqual([]);
    expect(pairs("we use neural network training (NN) here")).toEqual(["NN=neural network"]);
    expect(pairs("the convolutional neural network architecture (CNN)")).toEqual(["CNN=convolutional neural network"]);
    expect(pairs("root-mean-square error or root-mean-square deviation (RMSE or RMSD), which")).toEqual([
      "RMSD=root-mean-square deviation",
    ]);
  });

  it("reads through Markdown, HTML and lost spacing", () => {
    expect(pairs("The **Multi-Layer Perceptron** (MLP) is a network.")).toEqual(["MLP=multi-layer perceptron"]);
    expect(pairs("## 3. Describe the architecture of a _multi-layer perceptron (MLP)_")).toEqual(["MLP=multi-layer perceptron"]);
    expect(pairs("<b>3. Using a CNN (convolutional neural network) rather than a DNN (dense neural network)?</b><br>")).toEqual([
      "CNN=convolutional neural network",
      "DNN=dense neural network",
    ]);
    expect(pairs("3. What Is a Multi-layer Perceptron(MLP)?")).toEqual(["MLP=multi-layer perceptron"]);
    expect(pairs("It uses <u>Recurrent Neural Networks</u> (RNN) for text.")).toEqual(["RNN=recurrent neural networks"]);
    expect(pairs("used for indexing.Support vector machines (SVM) are")).toEqual(["SVM=support vector machines"]);
    expect(pairs("How to evaluate a binary classifierTrue Positive Rate (TPR)")).toEqual(["TPR=true positive rate"]);
    expect(pairs("a metric called “Sum of Squared Errors” (SSE)")).toEqual(["SSE=sum of squared errors"]);
    expect(pairs("The Long Short-Term\nMemory (LSTM) cell")).toEqual(["LSTM=long short-term memory"]);
  });
});

describe("extractAbbreviations: short form first and explicit wording", () => {
  it("reads SF (long form), skipping a leading 'or'", () => {
    expect(pairs("ReLU (or Rectified Linear Unit) is the most widely used activation function.")).toEqual(["ReLU=rectified linear unit"]);
    expect(pairs("It is an artificial RNN (Recurrent Neural Network) architecture")).toEqual(["RNN=recurrent neural network"]);
    expect(pairs("- **ReLU (Rectified Linear Unit)**: f(x) = max(0, x)")).toEqual(["ReLU=rectified linear unit"]);
    expect(pairs("ADALINE (Adaptive Linear Neuron or later Adaptive Linear Element) is an early network")).toEqual([
      "ADALINE=adaptive linear neuron",
    ]);
    expect(pairs("CNN (convolutional neural network, a kind of feedforward net)")).toEqual(["CNN=convolutional neural network"]);
  });

  it("reads 'stands for', 'short for' and 'is an acronym for'", () => {
    expect(pairs("RNN stands for Recurrent Neural Networks. These are artificial neural networks")).toEqual([
      "RNN=recurrent neural networks",
    ]);
    expect(pairs("BFS stands for Breadth First Search. DFS stands for Depth First Search.")).toEqual([
      "BFS=breadth first search",
      "DFS=depth first search",
    ]);
    expect(pairs("IQ, short for intelligence quotient, is a measure")).toEqual(["IQ=intelligence quotient"]);
    expect(pairs("AdaBoost is short for Adaptive Boosting and is a very popular boosting technique")).toEqual(["AdaBoost=adaptive boosting"]);
    expect(pairs("ARIMA is an acronym that stands for AutoRegressive Integrated Moving Average.")).toEqual([
      "ARIMA=autoregressive integrated moving average",
    ]);
    expect(pairs("“OLS” stands for “ordinary least squares” while “MLE” stands for “maximum likelihood estimation”.")).toEqual([
      "OLS=ordinary least squares",
      "MLE=maximum likelihood estimation",
    ]);
    expect(pairs("on tasks is 'mAP', which stands for 'mean average precision'.")).toEqual(["mAP=mean average precision"]);
  });

  it("keeps each (short, long) pair once, first spelling first", () => {
    const text = "Recurrent Neural Network (RNN). Later, recurrent neural networks (RNNs) and a recurrent neural network (RNN).";
    expect(extractAbbreviations(text)).toEqual([{ short: "RNN", long: "recurrent neural network" }]);
    expect(pairs("Multi-layer Perception (MLP) and multi-layer perceptron (MLP)")).toEqual([
      "MLP=multi-layer perception",
      "MLP=multi-layer perceptron",
    ]);
  });
});

describe("extractAbbreviations: what is not a definition", () => {
  it("ignores sentences, numbers, citations and asides in parentheses", () => {
    for (const text of [
      "Dropout drops units at random (typically dropping 20 percent of the nodes).",
      "The idea was introduced by Goodfellow et al. (2014).",
      "It cannot memorize previous inputs (e.g., CNN).",
      "as explained earlier (see above) the weights shrink",
      "the range (0, 1) and (-1, 1)",
      "a hidden layer (this is the most important layer where feature extraction takes place)",
      "Calculate the sum of all the inputs (X) according to their weights",
      "an epoch should run 50 iterations (10,000 divided by 50)",
      "Techniques like bagging (Bootstrap Aggregating) reduce variance",
      "Common activation functions include the Hyperbolic Tangent (Tanh)",
      "the popular ones are K-Mean, PAM(K-Mediods)",
      "Linear Regression Models (PCA, LMS)",
    ]) {
      expect(extractAbbreviations(text), text).toEqual([]);
    }
  });

  it("ignores code, formulas and math", () => {
    for (const text of [
      "def compute_cost(AL, Y):\n    return -np.mean(Y * np.log(AL))",
      "```python\nmodel = Net(CNN)\n```",
      "$$C = \\frac{1}{2}(Y - \\hat{Y})$$",
      "Assuming Activation function = $Sigmoid(\\sigma)$ and $f(W X)$",
      "sensitivity (= true positive fraction = TP/(TP+FN))",
      "covariance Cov(X, Y) = E(XY) - E(X)E(Y)",
      "[click](https://example.com/a_(CNN))",
    ]) {
      expect(extractAbbreviations(text), text).toEqual([]);
    }
  });

  it("turns away alignments that do not spell the short form", () => {
    for (const text of [
      "such as atari screen doing Q learning (DQN).",
      "with the liquidity of a publicly-traded company (PTP).",
      "the dependent variable (IQ) depends on",
      "for example, Equate (WalMart)",
      "This model, the MLP model (MLP), is simple",
      "",
    ]) {
      expect(extractAbbreviations(text), text).toEqual([]);
    }
  });
});

describe("abbreviationKey", () => {
  it("folds case and a plural s so every spelling meets", () => {
    expect(abbreviationKey("CNNs")).toBe("cnn");
    expect(abbreviationKey("cnns")).toBe("cnn");
    expect(abbreviationKey("CNN's")).toBe("cnn");
    expect(abbreviationKey(" ReLU ")).toBe("relu");
    expect(abbreviationKey("GPs")).toBe("gp");
  });

  it("leaves short forms that only end in s alone when too short to be plural", () => {
    expect(abbreviationKey("OS")).toBe("os");
    expect(abbreviationKey("LOSS")).toBe("loss");
    expect(abbreviationKey("K-S")).toBe("k-s");
  });
});
