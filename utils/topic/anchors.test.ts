import { describe, expect, it } from 'vitest';
import { anchorOf, splitAlternatives } from './anchors';
import { computeAnchorTable } from './anchor-table';
import { LEXICON_ANCHORS } from './lexicon-anchors';

describe('splitAlternatives', () => {
  it('cuts at top-level bars only', () => {
    expect(splitAlternatives('a|b(?:c|d)|[|]e|\\|f')).toEqual(['a', 'b(?:c|d)', '[|]e', '\\|f']);
  });
});

describe('anchorOf', () => {
  it('takes the longest word that must begin a word of the text', () => {
    expect(anchorOf('sam altman', true)).toEqual({ kind: 'prefix', text: 'altman' });
    expect(anchorOf('hallucinat(?:e|es|ed)', true)).toEqual({ kind: 'prefix', text: 'hallucinat' });
    // The match begins where a word begins only when the matcher asks for a boundary.
    expect(anchorOf('hallucinat(?:e|es|ed)', false)).toEqual({
      kind: 'inner',
      text: 'hallucinat',
    });
  });

  it('leaves out what is optional or repeated', () => {
    // "robots?": the s may be absent.
    expect(anchorOf('robots?', true)).toEqual({ kind: 'prefix', text: 'robot' });
    // After an optional group the word may begin the match or follow another word.
    expect(anchorOf('(?:large |small )?language model', true)).toEqual({
      kind: 'prefix',
      text: 'model',
    });
    expect(anchorOf('[A-Za-z]+GPT(?:-\\d)?', true)).toEqual({ kind: 'inner', text: 'GPT' });
    expect(anchorOf('(?:foo)?b', true)).toEqual({ kind: 'none' });
  });

  it('skips lookarounds, which match nothing', () => {
    expect(anchorOf('(?!MiG-)Tupolev', true)).toEqual({ kind: 'prefix', text: 'Tupolev' });
    expect(anchorOf('AI(?![ -]Weiwei)s?', true)).toEqual({ kind: 'raw', text: 'AI' });
  });

  it('keeps literals of scripts without word boundaries whole', () => {
    expect(anchorOf('人工知能', true)).toEqual({ kind: 'raw', text: '人工知能' });
  });
});

describe('lexicon-anchors.ts', () => {
  it('is up to date with lexicon.ts (else: npx tsx utils/topic/gen-lexicon-anchors.ts)', () => {
    expect(LEXICON_ANCHORS).toEqual(computeAnchorTable());
  });
});
