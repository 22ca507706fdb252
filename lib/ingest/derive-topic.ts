/**
 * A topic for a question whose document has no sections to take one from. Interviews are narrowed
 * by topic, so topics must be few, stable and recognisable: a fixed list of common technical
 * interview areas matched by keywords in the question (first), then in its answer. The order of the
 * list breaks ties: specific areas (CNNs, RNNs) come before broad ones (neural-network basics).
 */

interface TopicRule {
  topic: string;
  pattern: RegExp;
}

const TOPIC_RULES: TopicRule[] = [
  { topic: "Convolutional networks", pattern: /\b(cnns?|convolution\w*|pooling|filters?|kernels? size|stride|padding|receptive field|image classification)\b/i },
  { topic: "Recurrent networks and sequences", pattern: /\b(rnns?|lstms?|bilstms?|gru|recurrent|sequence|seq2seq|time series|attention|transformers?)\b/i },
  { topic: "Generative models", pattern: /\b(gans?|generative|autoencoders?|vae|boltzmann|rbm|diffusion)\b/i },
  { topic: "Activation functions", pattern: /\b(activation|sigmoid|tanh|relu|softmax|leaky|non-?linearit\w*)\b/i },
  { topic: "Regularisation", pattern: /\b(dropout|regulari[sz]\w*|l1|l2|overfit\w*|underfit\w*|weight decay|early stopping|data augmentation|batch ?norm\w*|normali[sz]ation)\b/i },
  { topic: "Optimisation and training", pattern: /\b(gradient|optimi[sz]\w*|adam|momentum|learning rate|sgd|mini-?batch|batch size|epoch|backprop\w*|saddle|converge\w*|initiali[sz]\w*|weights?|loss|cost function|hyper-?parameters?)\b/i },
  { topic: "Evaluation and metrics", pattern: /\b(f1|precision|recall|accuracy|auc|roc|confusion matrix|metrics?|cross-?validation|evaluat\w*|imbalanced|bias[/ -]variance)\b/i },
  { topic: "Data and features", pattern: /\b(dataset|data pipeline|features? (engineering|selection)|preprocess\w*|missing data|outliers?|csv|json|xml|sql|databases?|keys?)\b/i },
  { topic: "Frameworks and tools", pattern: /\b(tensorflow|pytorch|keras|tensors?|gpu|hardware|libraries|frameworks?|apis?)\b/i },
  { topic: "Machine learning fundamentals", pattern: /\b(supervised|unsupervised|reinforcement|regression|classification|clustering|ensemble|decision trees?|svm|kernel trick|naive bayes|transfer learning)\b/i },
  { topic: "Neural network basics", pattern: /\b(neural networks?|neurons?|perceptrons?|mlp|layers?|deep learning|biases?|feed-?forward)\b/i },
];

export const GENERAL_TOPIC = "General";

/** The first topic whose keywords the question names, else the answer, else "General". */
export function deriveTopic(question: string, answer: string | null): string {
  for (const text of [question, answer ?? ""]) {
    const rule = TOPIC_RULES.find(({ pattern }) => pattern.test(text));
    if (rule) return rule.topic;
  }
  return GENERAL_TOPIC;
}
