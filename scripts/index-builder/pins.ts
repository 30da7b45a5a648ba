/**
 * Posts whose story the default index keeps whatever its size, each with the
 * reason, which is written into the index's provenance.
 */
export const DEFAULT_PINS = [
  {
    id: 'hn:45395133',
    reason:
      'HN "Why We Think" links lilianweng.github.io/posts/2025-05-01-thinking/, a real saved page the project tests on',
  },
];
