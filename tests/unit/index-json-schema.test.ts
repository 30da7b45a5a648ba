import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildJsonSchemas, serialise } from '../../scripts/gen-json-schema';
import { MARKUP_PATTERN } from '../../utils/index/schema';

describe('the published JSON Schemas', () => {
  const schemas = buildJsonSchemas();

  for (const [name, schema] of Object.entries(schemas)) {
    it(`public/${name} is what scripts/gen-json-schema.ts writes (run npm run gen:schema)`, async () => {
      const committed = readFileSync(new URL(`../../public/${name}`, import.meta.url), 'utf8');
      expect(committed).toBe(await serialise(schema));
    });
  }

  it('carries the per-field rules: strict objects, limits, patterns', () => {
    const index = schemas['story-index.schema.json'] as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(index.additionalProperties).toBe(false);
    expect(index.properties.format).toEqual({ const: 'crosstalk.story-index' });
    const story = index.properties.stories.items;
    expect(story.additionalProperties).toBe(false);
    expect(story.properties.title).toMatchObject({ maxLength: 400, minLength: 1 });
    expect(story.properties.title.not).toEqual({ pattern: MARKUP_PATTERN.source });
    const reaction = story.properties.reactions.items;
    expect(reaction.properties.posts).toMatchObject({ type: 'integer', minimum: 0 });
    const url = story.properties.urls.items;
    expect(new RegExp(url.pattern).test('javascript:alert(1)')).toBe(false);
    expect(new RegExp(url.pattern).test('https://example.com/a?b=c')).toBe(true);
  });
});
