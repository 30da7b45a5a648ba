import { describe, expect, it } from 'vitest';
import { cutAt, lowerPattern } from './anchors';
import { computeAnchorTable, formsOf, lexiconMode } from './anchor-table';
import { finiteForms } from './finite-forms';
import { AI_LEXICON, TOPIC_CUES } from './lexicon';
import { bounded } from './lexicon-units';
import { scanAll } from './scan';

describe('finiteForms', () => {
  it('lists the strings in the order a backtracking matcher tries them', () => {
    expect(finiteForms('sam altman')).toEqual(['sam altman']);
    expect(finiteForms('models?')).toEqual(['models', 'model']);
    expect(finiteForms('chat ?bots?')).toEqual(['chat bots', 'chat bot', 'chatbots', 'chatbot']);
    expect(finiteForms('(?:large |small )?language model')).toEqual([
      'large language model',
      'small language model',
      'language model',
    ]);
    expect(finiteForms('fine[- ]tun(?:e|ed)')).toEqual([
      'fine-tune',
      'fine-tuned',
      'fine tune',
      'fine tuned',
    ]);
    // A lazy ? tries without the part first.
    expect(finiteForms('ab??')).toEqual(['a', 'ab']);
    expect(finiteForms('whisper\\.cpp')).toEqual(['whisper.cpp']);
    expect(finiteForms("[’']s")).toEqual(['’s', "'s"]);
  });

  it('gives up on repetition, lookaround, classes of many characters and escapes', () => {
    for (const alt of [
      '\\d+',
      'a*b',
      'ab+',
      'a{2}',
      '(?=x)a',
      'a(?!b)',
      '[a-z]x',
      '[^a]x',
      '.x',
      'a\\b',
      'x?',
    ])
      expect(finiteForms(alt)).toBeNull();
    // More strings than MAX_FORMS.
    expect(finiteForms('(?:a|b)(?:c|d)(?:e|f)(?:g|h)(?:i|j)')).toBeNull();
  });
});

/** Matches of the strings, as scan.ts runs them, and of the expression: [start, text]. */
function viaForms(forms: readonly string[], subject: string): [number, string][] {
  const out: [number, string][] = [];
  scanAll(forms, subject, (_, start, text) => {
    out.push([start, text]);
  });
  return out;
}

function viaExpression(source: string, flags: string, subject: string): [number, string][] {
  return [...subject.matchAll(new RegExp(bounded(source), flags))].map((m) => [m.index, m[0]]);
}

/** Texts that put an alternative's strings side by side, inside words and after each other. */
function subjectsFor(forms: readonly string[]): string[] {
  const joined = forms.join(' ');
  return [
    joined,
    forms.join(''),
    forms.join('-'),
    [...forms].reverse().join(' '),
    forms.map((f) => `x${f} ${f}s (${f}) ${f}_`).join(' '),
    forms.map((f) => `${f}${f} ${f}, ${f}.`).join(' · '),
  ];
}

describe('the forms of every lexicon alternative', () => {
  it('find what the alternative’s expression finds, in the table the classifier reads', () => {
    const table = computeAnchorTable();
    const rows = [
      ...AI_LEXICON.map((e, i) => ({ re: e.re, mode: lexiconMode(e.cs), row: table.lexicon[i]! })),
      ...TOPIC_CUES.map((c, i) => ({
        re: c.re,
        mode: 'insensitive' as const,
        row: table.topics[i]!,
      })),
    ];
    let checked = 0;
    const wrong: string[] = [];
    for (const { re, mode, row } of rows)
      cutAt(re, row[1]).forEach((alt, i) => {
        const forms = formsOf(row[3][i]!, alt, mode);
        if (forms === null) return;
        checked++;
        const source = mode === 'cased' ? alt : lowerPattern(alt);
        const flags = mode === 'cased' ? 'gu' : 'g';
        for (const subject of subjectsFor(forms))
          if (
            JSON.stringify(viaForms(forms, subject)) !==
            JSON.stringify(viaExpression(source, flags, subject))
          )
            wrong.push(`${alt} in ${JSON.stringify(subject)}`);
      });
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(900);
  });
});
