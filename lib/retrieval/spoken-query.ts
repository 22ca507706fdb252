/**
 * Spoken and chatty queries ("um so what's the deal with GANs", "can you like tell me about, uh,
 * dropout?") carry words that mean nothing to a search. The database's English stop words already
 * drop "what", "is", "the", "so", "about"; what is left here is the rest: hesitations, discourse
 * fillers, request preambles and restarts, removed while the query stays a readable sentence with its
 * technical words and their capitals untouched.
 */

const MARK = "\u0000";
// Hesitations, whatever their length ("ummm", "uhh", "hmmm", "erm").
const HESITATION = /^(?:u+h*m+|u+h+|e+r+m*|h+m+|m{2,}|mhm+|a+h+|e+h+|o+h+|uh-huh|mm-hmm)$/i;
// Adverbs that are fillers wherever they stand in speech.
const FILLER_ADVERBS = new Set(["basically", "actually", "literally"]);

// Spaces in these patterns read as "spaces or commas": "can you, tell me about, dropout".
const pattern = (source: string, flags = "i") => new RegExp(source.replaceAll(" ", "[\\s,]+"), flags);
// Requests that ask for an explanation without saying of what. Bare "Explain X" or "Describe X" is
// how bank questions are worded and stays; "can you explain X" loses its request.
const BARE_REQUEST =
  "(?:tell (?:me|us)(?: more)?|explain to me|go (?:over|through)|(?:talk|walk|run|take) (?:me |us )?(?:through|about)|" +
  "give me|help me(?: to)? understand|remind me(?: of)?|break down|show me|teach me)";
const REQUEST = `(?:${BARE_REQUEST}|explain|describe|clarify|elaborate(?: on)?|summari[sz]e|discuss)`;
const ABOUT = "(?: (?:about|on|of|regarding))?";
// Openers that say "I am asking", anchored at the start and stripped again and again.
const PREAMBLES = [
  "what(?:'?s| is) (?:the )?(?:deal|story|thing|situation) with",
  "what(?:'?s| is) up with",
  "what about",
  "what do you think" + ABOUT,
  `how would you (?:explain|describe)`,
  `(?:(?:can|could|would|will) (?:you|u|ya)|you (?:can|could|would)|would you mind|i'?d like you to|i want you to|please)(?: (?:please|just|maybe|quickly|briefly|kindly))* ${REQUEST}${ABOUT}`,
  `(?:can|could|would) (?:you|u)(?: please)?(?= (?:compare|contrast|list|define|derive|differentiate|distinguish|name)\\b)`,
  `${BARE_REQUEST}${ABOUT}`,
  "i(?: was| am|'m) (?:just )?wondering(?: (?:if|whether|about))?",
  `i(?:'?d| would) (?:like|love) (?:you )?to (?:know|understand|learn|hear|ask)(?: (?:you|more))?${ABOUT}`,
  `i (?:want|wanna|need|have) (?:to )?(?:know|understand|learn|hear|ask)(?: (?:you|more))?${ABOUT}`,
  "i(?:'m| am) (?:curious|confused|unsure|not sure|unclear)(?: (?:about|on|regarding|as to|if|whether))?",
  "i(?:'m| am) trying to (?:understand|figure out|get my head around|wrap my head around)",
  "do (?:you|u) know(?: (?:anything|much|something))?" + ABOUT,
  "let(?:'?s| us) (?:talk|chat|discuss|go over|look at|cover)" + ABOUT,
  "(?:quick|one more|another|next|a) question|i(?: have|'ve got) a question" + ABOUT + "|(?:my|the) question is|question:",
].map((source) => pattern(`^(?:${source})(?=[\\s,.:;!?]|$)`));
// Words that open a spoken sentence without meaning; the risky ones only before a comma or a question.
const LEAD = pattern("^(?:so|okay|ok|alright|all right|and|but|(?:hey|hi|hello)(?: there)?|yeah|yes|yep|anyway|anyways|sorry|also|oh|please)(?=[\\s,.:;!?]|$)");
const RISKY_LEAD = pattern(
  "^(?:right|well|like|now)(?=\\s*[,.!]|[\\s,]+(?:so|then|what|what's|whats|how|why|when|which|who|where|is|are|do|does|can|could|would|tell|explain|i|i'm|let's)\\b)",
);
const TRAILING = pattern(
  "(?:,? (?:or something(?: like that)?|or whatever|and stuff(?: like that)?|and all that|please|thanks|thank you|if you can|if possible|to me|for me)|, (?:right|i guess|i think))[\\s,.!]*(\\??)$",
);

// "like" as a filler: set off by commas, next to a hesitation, after "what's", or before a verb of
// asking ("can you like tell me"). Elsewhere it compares ("is dropout like bagging") or lists
// ("methods like dropout") and stays.
const LIKE_FILLER = [
  /(?<=^|,)\s*like\s*(?=,|$)/gi,
  /(?<=\b(?:u+h*m+|u+h+|e+r+m*|h+m+)\b[\s,]*)like\b/gi,
  /\blike(?=[\s,]+(?:u+h*m+|u+h+|e+r+m*|h+m+)\b)/gi,
  /(?<=\b(?:what'?s|what is|what are|how'?s|how is|how does|why is)\s+)like\b/gi,
  /(?<!\b(?:would|'d)\s+)\blike(?=\s+(?:tell|explain|describe|give|talk|walk|go|help|show|list|know|mean|understand|define|compare|clarify|say|ask)\b)/gi,
];
// Hedges that are content after a determiner ("what kind of model", "a sort of RNN").
const HEDGE = /(?<!\b(?:what|which|a|an|the|this|that|these|those|any|some|each|every|no|one|other|another|same|different|certain|particular|specific|all|many|several|new|best|right|wrong|my|your|its|their|our|his|her)\s+)\b(?:kind of|sort of|kinda|sorta)\b/gi;
// "you know" and "I mean" as fillers, not in "how do you know if…" or "what do I mean by…".
const YOU_KNOW = /(?<!\b(?:do|does|did|would|could|can|will|should|to|how|if|whether|don't|didn't|let|may|might|must|what)\s+)\byou know(?: what(?=\s*,))?\b/gi;
const I_MEAN = /(?<!\b(?:do|did|would|could|what|to|'d)\s+)\bi mean\b/gi;

/**
 * Whether a single word is a filler whatever its context: a hesitation ("um", "uhh", "erm", "hmm")
 * or "basically", "actually", "literally". "like", "so" and "kind of" need their context, which
 * {@link stripSpokenFillers} reads, and are not fillers here.
 */
export function isFillerWord(word: string): boolean {
  const bare = word.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  return HESITATION.test(bare) || FILLER_ADVERBS.has(bare.toLowerCase());
}

/**
 * The query without what speech and politeness add: hesitations, fillers, openers ("okay so", "can
 * you tell me about", "I was wondering if", "what's the deal with"), closers (", right?", "or
 * something") and restarts ("the the", "what is what is"). "like" goes only where it cannot compare
 * or list: set off by commas, next to a hesitation, after "what's", or before a verb of asking.
 * Case-insensitive; capitals, technical words and a final question mark are kept. A query that would
 * be left empty is returned trimmed instead.
 */
export function stripSpokenFillers(query: string): string {
  const original = query.trim();
  const shouting = !/\p{Ll}/u.test(original);
  // Removed words leave a mark that takes the commas and pauses around it: "what is, uh, dropout".
  let text = original.replace(/[‘’`´]/g, "'").replace(/…|\.{2,}/g, MARK);
  for (const like of LIKE_FILLER) text = text.replace(like, MARK);
  text = text.replace(/[\p{L}'-]+/gu, (word, offset: number) => {
    // An acronym in capitals ("ER diagram") is a term, unless the whole query is in capitals.
    if (!shouting && word.length > 1 && word === word.toUpperCase()) return word;
    if (/^mm$/i.test(word) && /\d\s*$/.test(text.slice(0, offset))) return word;
    return isFillerWord(word) ? MARK : word;
  });
  text = text.replace(HEDGE, MARK).replace(YOU_KNOW, MARK).replace(I_MEAN, MARK);
  text = tidy(text.replace(/[\s,—–]*\u0000(?:[\s,—–]*\u0000)*[\s,—–]*/g, " "));

  for (let changed = true; changed; ) {
    const before = text;
    for (const opener of [LEAD, RISKY_LEAD, ...PREAMBLES]) text = text.replace(opener, "").replace(/^[\s,.:;!-]+/, "");
    text = text.replace(TRAILING, "$1");
    changed = text !== before;
  }
  text = tidy(dropRestarts(text));
  return /[\p{L}\p{N}]/u.test(text) ? text : original;
}

/** "the the", "what what is", "what is what is": a restart keeps its second attempt. */
function dropRestarts(text: string): string {
  const words = text.split(/\s+/);
  const bare = (index: number) => (words[index] ?? "").toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}']+$/gu, "");
  const kept: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = bare(i);
    const ended = /[.!?;:]$/.test(words[i]!);
    const numeric = /^\d/.test(word);
    if (word && !ended && !numeric && word === bare(i + 1)) continue;
    if (word && !ended && !numeric && i + 3 < words.length && word === bare(i + 2) && bare(i + 1) === bare(i + 3)) {
      i += 1;
      continue;
    }
    kept.push(words[i]!);
  }
  return kept.join(" ");
}

function tidy(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/\s+([,.;:!?])/g, "$1")
    .replace(/,(?:\s*,)+/g, ",")
    .replace(/,\s*([.;:!?])/g, "$1")
    .replace(/^[\s,.;:!-]+|[\s,;:-]+$/g, "")
    .trim();
}

