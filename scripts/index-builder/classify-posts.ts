/**
 * Runs the project's AI-topic classifier (utils/topic/classify.ts) on every
 * root post: title, text, language and linked URL. Comments are judged with
 * their thread: a reply under an AI thread is part of the reaction to it, and
 * a reply under any other thread is not, whatever words it uses.
 *
 * Communities that are about AI by definition (r/LocalLLaMA, see SOURCES.md)
 * keep every post; the classifier still gives their topics.
 */
import { classifyText } from '../../utils/topic/classify';
import type { AiTopicId } from '../../utils/topic/topics';
import type { Post } from './types';

export const ALWAYS_AI_COMMUNITIES = new Set(['r-localllama']);

export interface Judged {
  post: Post;
  ai: boolean;
  topics: AiTopicId[];
}

export function judgeRoot(p: Post, forced: ReadonlySet<string>): Judged {
  const c = classifyText({
    title: p.title ?? '',
    text: p.text,
    lang: p.lang ?? null,
    url: p.linkUrl ?? p.url,
  });
  const ai = c.ai || ALWAYS_AI_COMMUNITIES.has(p.community) || forced.has(p.id);
  return { post: p, ai, topics: c.topics };
}
