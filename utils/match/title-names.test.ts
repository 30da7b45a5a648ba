import { describe, expect, it } from 'vitest';
import { titleNameTerms } from './title-names';

const names = (title: string) => [...titleNameTerms(title)].sort();

describe('titleNameTerms', () => {
  it('takes words in capitals and capitalised words after the first in a sentence-cased title', () => {
    expect(
      names('ETH Zurich and EPFL to release a LLM developed on public infrastructure'),
    ).toEqual(['epfl', 'eth', 'llm', 'zurich']);
    expect(names("Well, if anyone was waiting for Llama 4 Behemoth, it's gone")).toEqual([
      'behemoth',
      'llama',
    ]);
  });

  it('does not take the first word for a name on its capital alone', () => {
    expect(names('Cloudflare to introduce pay-per-crawl for AI bots')).toEqual(['ai']);
  });

  it('takes only capitals and inner capitals from a title-cased title', () => {
    expect(names('Meta’s New Superintelligence Lab Is Discussing Major Strategy Changes')).toEqual(
      [],
    );
    expect(names('Why OpenAI And EPFL Are Discussing Strategy')).toEqual(['epfl', 'openai']);
  });

  it('judges each part of a hyphenated word on its own', () => {
    expect(names('Ask HN: a flag for AI-generated articles')).toEqual(['ai', 'hn']);
  });
});
