import { describe, expect, it } from 'vitest';
import { isQuotable, splitSentences } from './sentences';
import { sentimentShares } from './sentiment';
import { decodeEntities, htmlToText } from './text';
import { linkKey } from './urls';
import { findEntities, primaryEvent } from './entities';

describe('text', () => {
  it('decodes entities, named and numeric', () => {
    expect(decodeEntities('&gt; Q&amp;A &#39;x&#39; &#x2019; &nbsp;')).toBe("> Q&A 'x' ’ \u00a0");
  });
  it('turns HTML into text with block breaks', () => {
    expect(htmlToText('<p>One &amp; two</p><p>Three<br>four</p>')).toBe('One & two\nThree\nfour');
  });
});

describe('sentences', () => {
  it('splits at sentence ends, not at abbreviations, and never across quoted or list lines', () => {
    expect(
      splitSentences(
        'I think Mr. Smith is right. Yes!\n> quoted reply.\nMy own prose\ncontinues here.\n- a list item.',
      ),
    ).toEqual(['I think Mr. Smith is right.', 'Yes!', 'My own prose continues here.']);
  });
  it('refuses sentences a reader could not take out of context', () => {
    expect(isQuotable('This sentence is long enough to stand on its own as a quote.')).toBe(true);
    expect(isQuotable('See https://example.com for the whole story and the data.')).toBe(false);
    expect(isQuotable('The <think> tag leaks into the output of the model here.')).toBe(false);
    expect(isQuotable('**Bold** claims are markdown and are not quoted by the builder.')).toBe(
      false,
    );
    expect(isQuotable('too short.')).toBe(false);
  });
});

describe('sentiment shares', () => {
  it('sum to exactly 1 after rounding', () => {
    const s = sentimentShares({ positive: 1, neutral: 1, negative: 1 });
    expect(s.positive + s.neutral + s.negative).toBeCloseTo(1, 10);
  });
});

describe('urls and entities', () => {
  it('folds the forms of one page into one key', () => {
    expect(linkKey('https://arxiv.org/pdf/2507.11851v2')).toBe('arxiv.org/abs/2507.11851');
    expect(linkKey('http://www.example.com/a/?utm_source=x#top')).toBe('example.com/a');
    expect(linkKey('https://openai.com/')).toBeNull();
    expect(linkKey('https://youtu.be/v1Q4Su54iho')).toBe(
      linkKey('https://www.youtube.com/watch?v=v1Q4Su54iho'),
    );
  });
  it('tells model versions apart', () => {
    expect(primaryEvent('GPT‑5 is here')).toBe('GPT-5');
    expect(primaryEvent('GPT-5.6 Sol')).toBe('GPT-5.6');
    expect(primaryEvent('Qwen3-Coder vs Kimi K2')).toBe('Qwen3-Coder');
    expect(findEntities('Sam Altman says OpenAI will ship ChatGPT updates')).toEqual([
      'ChatGPT',
      'OpenAI',
      'Sam Altman',
    ]);
  });
});
