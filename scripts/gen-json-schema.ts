/**
 * Writes the JSON Schemas that publishers validate against, from the same
 * valibot schemas the extension validates with (utils/index/schema.ts):
 *   public/story-index.schema.json        the full index
 *   public/story-index-delta.schema.json  a delta
 * Run: npx tsx scripts/gen-json-schema.ts  (npm run gen:schema). A unit test
 * fails when the committed files differ from what this produces.
 *
 * The JSON Schemas carry every per-field rule. The cross-field rules (unique
 * ids, declared communities and topics, existing related stories, sentiment
 * summing to 1) cannot be said in JSON Schema; docs/index-format.md lists them.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { toJsonSchema, type ConversionConfig } from '@valibot/to-json-schema';
import {
  DELTA_FORMAT,
  INDEX_FORMAT,
  INDEX_VERSION,
  isHttpUrl,
  isMarkupFree,
  isRealDateTime,
  isRealDay,
  MARKUP_PATTERN,
  StoryIndexDeltaSchema,
  StoryIndexSchema,
} from '../utils/index/schema';

const config: ConversionConfig = {
  target: 'draft-07',
  overrideAction({ valibotAction, jsonSchema }) {
    if (valibotAction.type !== 'check') return undefined;
    const requirement = (valibotAction as { requirement?: unknown }).requirement;
    if (requirement === isMarkupFree)
      return { ...jsonSchema, not: { pattern: MARKUP_PATTERN.source } };
    // The URL pattern in the same pipe already carries the rule; the check adds
    // only "the host is not empty", which the pattern's "+" approximates.
    if (requirement === isHttpUrl) return { ...jsonSchema, format: 'uri' };
    // Calendar validity (no 30 February) is beyond a pattern; the pattern stays.
    if (requirement === isRealDateTime || requirement === isRealDay) return jsonSchema;
    return undefined;
  },
};

const HOME = 'docs/index-format.md in the Crosstalk source';

function withHeader(
  schema: Parameters<typeof toJsonSchema>[0],
  id: string,
  title: string,
  description: string,
): object {
  const { $schema, ...body } = toJsonSchema(schema, config);
  return { $schema, $id: id, title, description, ...body };
}

export function buildJsonSchemas(): Record<string, object> {
  return {
    'story-index.schema.json': withHeader(
      StoryIndexSchema,
      'story-index.schema.json',
      `${INDEX_FORMAT}, version ${INDEX_VERSION}`,
      `A Crosstalk story index. Cross-field rules (unique ids, declared communities and topics, existing related stories, sentiment summing to 1 within 0.01) are not expressible here: see ${HOME}`,
    ),
    'story-index-delta.schema.json': withHeader(
      StoryIndexDeltaSchema,
      'story-index-delta.schema.json',
      `${DELTA_FORMAT}, version ${INDEX_VERSION}`,
      `A Crosstalk story index delta: upserts and deletes since baseGeneratedAt. See ${HOME}`,
    ),
  };
}

/** In Prettier's JSON style, so `prettier --check .` agrees with the generator. */
export async function serialise(schema: object): Promise<string> {
  const filepath = fileURLToPath(new URL('../public/story-index.schema.json', import.meta.url));
  const options = await resolveConfig(filepath);
  return format(JSON.stringify(schema), { ...options, filepath });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = new URL('../public/', import.meta.url);
  for (const [name, schema] of Object.entries(buildJsonSchemas())) {
    writeFileSync(new URL(name, dir), await serialise(schema));
    console.log(`wrote public/${name}`);
  }
}
