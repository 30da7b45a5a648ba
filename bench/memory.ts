/**
 * JS heap, after two forced garbage collections, read through CDP (Runtime.getHeapUsage):
 * - the background: the extension's service worker, attached through a page's session;
 * - the content script: it shares the page's V8 isolate (an isolated world is a context, not a
 *   heap), so its heap is the page's heap with the extension minus the same page's heap without
 *   it, in the two browsers that differ only in the extension. The baseline is the page's own heap.
 */
import type { Page } from 'playwright-core';
import type { HeapUsage } from './chromium';
import { heapAfterGc, pageChannel, serviceWorkerChannel } from './chromium';
import type { Tab } from './page-cost';

export async function serviceWorkerHeap(page: Page, extensionBase: string): Promise<HeapUsage> {
  const channel = await serviceWorkerChannel(page, extensionBase);
  try {
    return await heapAfterGc(channel.call);
  } finally {
    await channel.detach();
  }
}

export async function pageHeap(tab: Tab): Promise<HeapUsage> {
  return heapAfterGc(pageChannel(tab.session));
}

export const MB = 1024 * 1024;
