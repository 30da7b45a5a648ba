import type { Platform } from '@/utils/index/schema';

const MARKS: Record<Platform, string> = {
  reddit: 'R',
  hackernews: 'Y',
  bluesky: 'B',
  x: 'X',
  mastodon: 'M',
  arxiv: 'a',
  lobsters: 'L',
  press: 'P',
  policy: '§',
  other: '•',
};

/** A small letter badge per platform, coloured by CSS; decorative for screen readers. */
export function PlatformMark({ platform }: { platform: Platform }) {
  return (
    <span class={`ct-mark ct-mark-${platform}`} aria-hidden="true">
      {MARKS[platform]}
    </span>
  );
}
