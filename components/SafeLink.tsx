import type { ComponentChildren } from 'preact';
import { safeHref } from '@/utils/story/format';

/** A link out, rendered only for http(s); anything else becomes plain text. */
export function SafeLink(props: { href: string; children: ComponentChildren; class?: string }) {
  const href = safeHref(props.href);
  if (!href) return <span class={props.class}>{props.children}</span>;
  return (
    <a class={props.class} href={href} target="_blank" rel="noopener noreferrer">
      {props.children}
    </a>
  );
}
