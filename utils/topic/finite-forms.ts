/**
 * The strings a lexicon alternative matches, when they are few: `chat ?bots?` → chat bots,
 * chat bot, chatbots, chatbot. Such an alternative is found with indexOf (literals.ts) instead
 * of a compiled expression, which on a fresh page costs more to compile and to run once through
 * the regexp interpreter than the search itself.
 *
 * The strings come in the order a backtracking matcher tries them at one place (a greedy `?`
 * takes the part before leaving it out; an alternation tries its branches from the left; a
 * sequence tries every way of its first part before the next way of its second), so the first of
 * them found at a place, between word boundaries, is what the expression would match there.
 * Anything outside this small grammar (repetition, lookaround, escapes such as \d or \b, ranges)
 * gives null and the alternative keeps its expression.
 */

/** Beyond this many strings an alternative keeps its expression. */
export const MAX_FORMS = 24;

/** A parsed piece: the strings it matches, in the order they are tried. */
type Forms = string[];

class Unsupported extends Error {}

function product(a: Forms, b: Forms): Forms {
  const out: Forms = [];
  for (const x of a) for (const y of b) out.push(x + y);
  if (out.length > MAX_FORMS) throw new Unsupported();
  return out;
}

function dedupe(forms: Forms): Forms {
  // A string tried twice changes nothing the second time.
  return forms.filter((f, i) => forms.indexOf(f) === i);
}

class Parser {
  private i = 0;
  constructor(private readonly src: string) {}

  parse(): Forms {
    const forms = this.alternation();
    if (this.i !== this.src.length) throw new Unsupported();
    return forms;
  }

  private alternation(): Forms {
    let forms = this.sequence();
    while (this.src.charAt(this.i) === '|') {
      this.i++;
      forms = forms.concat(this.sequence());
      if (forms.length > MAX_FORMS) throw new Unsupported();
    }
    return forms;
  }

  private sequence(): Forms {
    let forms: Forms = [''];
    while (this.i < this.src.length) {
      const c = this.src.charAt(this.i);
      if (c === '|' || c === ')') break;
      forms = product(forms, this.quantified());
    }
    return forms;
  }

  private quantified(): Forms {
    const atom = this.atom();
    const q = this.src.charAt(this.i);
    if (q === '*' || q === '+' || q === '{') throw new Unsupported();
    if (q !== '?') return atom;
    this.i++;
    // Greedy: with the part first; lazy (??): without it first.
    if (this.src.charAt(this.i) === '?') {
      this.i++;
      return ['', ...atom];
    }
    return [...atom, ''];
  }

  private atom(): Forms {
    const c = this.src.charAt(this.i);
    if (c === '(') {
      if (!this.src.startsWith('(?:', this.i)) throw new Unsupported();
      this.i += 3;
      const inner = this.alternation();
      if (this.src.charAt(this.i) !== ')') throw new Unsupported();
      this.i++;
      return inner;
    }
    if (c === '[') return this.charClass();
    if (c === '\\') return [this.escaped()];
    if ('.^$*+?{}])|'.includes(c)) throw new Unsupported();
    this.i++;
    return [c];
  }

  /** An escaped character that stands for itself (\. \- \'), not a class or an assertion. */
  private escaped(): string {
    const e = this.src.charAt(this.i + 1);
    if (!e || /[A-Za-z0-9]/.test(e)) throw new Unsupported();
    this.i += 2;
    return e;
  }

  /** A class of single characters listed one by one: [- ], [’']. */
  private charClass(): Forms {
    this.i++;
    if (this.src.charAt(this.i) === '^') throw new Unsupported();
    const chars: string[] = [];
    while (this.i < this.src.length && this.src.charAt(this.i) !== ']') {
      const c = this.src.charAt(this.i);
      if (c === '\\') chars.push(this.escaped());
      else {
        // A range (a-z) is too many strings; a dash first or last is itself.
        const next = this.src.charAt(this.i + 1);
        if (c === '-' && chars.length > 0 && next !== ']') throw new Unsupported();
        chars.push(c);
        this.i++;
      }
    }
    if (this.src.charAt(this.i) !== ']' || chars.length === 0) throw new Unsupported();
    this.i++;
    return chars;
  }
}

/** The strings `alt` matches in the order they are tried, or null (see the module comment). */
export function finiteForms(alt: string): string[] | null {
  try {
    const forms = dedupe(new Parser(alt).parse());
    // An expression that can match nothing at all would stall a scan; none in the lexicon does.
    if (forms.length === 0 || forms.includes('')) return null;
    return forms;
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}
