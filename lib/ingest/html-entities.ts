/**
 * HTML character references (`&amp;`, `&#39;`, `&#x2019;`, `&nbsp;`) turned into the characters
 * they stand for. Only the named references that study notes actually use are known; an unknown
 * one is left as written rather than guessed.
 */

const NAMED: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", ensp: " ", emsp: " ", thinsp: " ",
  shy: "", zwj: "", zwnj: "", lrm: "", rlm: "",
  copy: "©", reg: "®", trade: "™", hellip: "…", mdash: "—", ndash: "–", minus: "−",
  lsquo: "‘", rsquo: "’", sbquo: "‚", ldquo: "“", rdquo: "”", bdquo: "„", laquo: "«", raquo: "»",
  bull: "•", middot: "·", deg: "°", plusmn: "±", times: "×", divide: "÷", frac12: "½", frac14: "¼",
  frac34: "¾", sup1: "¹", sup2: "²", sup3: "³", micro: "µ", para: "¶", sect: "§", cent: "¢",
  pound: "£", euro: "€", yen: "¥", iexcl: "¡", iquest: "¿", prime: "′", Prime: "″", dagger: "†",
  le: "≤", ge: "≥", ne: "≠", asymp: "≈", equiv: "≡", infin: "∞", sum: "∑", prod: "∏", radic: "√",
  part: "∂", nabla: "∇", isin: "∈", notin: "∉", cap: "∩", cup: "∪", int: "∫", prop: "∝", and: "∧",
  or: "∨", not: "¬", forall: "∀", exist: "∃", empty: "∅", sub: "⊂", sup: "⊃", sube: "⊆", supe: "⊇",
  larr: "←", rarr: "→", uarr: "↑", darr: "↓", harr: "↔", lArr: "⇐", rArr: "⇒", hArr: "⇔",
  alpha: "α", beta: "β", gamma: "γ", delta: "δ", epsilon: "ε", zeta: "ζ", eta: "η", theta: "θ",
  iota: "ι", kappa: "κ", lambda: "λ", mu: "μ", nu: "ν", xi: "ξ", omicron: "ο", pi: "π", rho: "ρ",
  sigma: "σ", sigmaf: "ς", tau: "τ", upsilon: "υ", phi: "φ", chi: "χ", psi: "ψ", omega: "ω",
  Alpha: "Α", Beta: "Β", Gamma: "Γ", Delta: "Δ", Theta: "Θ", Lambda: "Λ", Pi: "Π", Sigma: "Σ",
  Phi: "Φ", Psi: "Ψ", Omega: "Ω",
  agrave: "à", aacute: "á", acirc: "â", auml: "ä", atilde: "ã", aring: "å", aelig: "æ", ccedil: "ç",
  egrave: "è", eacute: "é", ecirc: "ê", euml: "ë", igrave: "ì", iacute: "í", icirc: "î", iuml: "ï",
  ntilde: "ñ", ograve: "ò", oacute: "ó", ocirc: "ô", ouml: "ö", otilde: "õ", oslash: "ø", ugrave: "ù",
  uacute: "ú", ucirc: "û", uuml: "ü", yacute: "ý", yuml: "ÿ", szlig: "ß", Eacute: "É", Agrave: "À",
  Ccedil: "Ç", Ouml: "Ö", Uuml: "Ü", Auml: "Ä", Ntilde: "Ñ", Oslash: "Ø",
};

/** A code point as text; controls (a newline, say) become a space so line numbers stay true. */
function fromCodePoint(codePoint: number): string | null {
  if (!Number.isFinite(codePoint) || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return null;
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) return " ";
  return String.fromCodePoint(codePoint);
}

/** The text with HTML character references decoded. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g, (whole, body: string) => {
    if (body.startsWith("#")) {
      const hex = body[1] === "x" || body[1] === "X";
      return fromCodePoint(Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10)) ?? whole;
    }
    return NAMED[body] ?? whole;
  });
}
