/** Paths of the committed fixtures (tests/fixtures/discourse), for the tests. */
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../../tests/fixtures/discourse/', import.meta.url));

export function fixture(path: string): string {
  return `${FIXTURES}${path}`;
}
