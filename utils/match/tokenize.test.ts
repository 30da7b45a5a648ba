import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize';

describe('tokenize: model names', () => {
  it('joins a name with a model code written apart, as with a version', () => {
    expect(tokenize('Hunyuan A13B')).toContain('hunyuana13b');
    expect(tokenize('Hunyuan-A13B')).toContain('hunyuana13b');
    expect(tokenize('Kimi K2')).toContain('kimik2');
    expect(tokenize('DeepSeek V3.1')).toContain('deepseekv3.1');
    expect(tokenize('GPT 5')).toContain('gpt5');
  });

  it('does not join a stop word with a code', () => {
    expect(tokenize('is a13b')).toEqual(['a13b']);
  });

  it('keeps two numbers apart when joining, so a size is not read as a version', () => {
    const qwen = tokenize('Qwen3-30B-A3B');
    expect(qwen).toContain('qwen3_30b');
    expect(qwen).not.toContain('qwen330b');
    expect(tokenize('Qwen3 30B')).toContain('qwen3_30b');
    const ernie = tokenize('ERNIE-4.5-21B-A3B');
    expect(ernie).toContain('ernie4.5');
    expect(ernie).not.toContain('ernie4.521b');
  });

  it('joins the name before a hyphenated version', () => {
    expect(tokenize('DeepSeek R1-0528')).toEqual(
      expect.arrayContaining(['deepseek', 'r1', 'deepseekr1', 'r1_0528']),
    );
    expect(tokenize('gpt-oss-120b')).toEqual(expect.arrayContaining(['gptoss', 'gptoss120b']));
  });
});
