/**
 * The panel's fonts, loaded before the story arrives. The first layout of the panel in a page's
 * renderer otherwise asks the browser process, by synchronous round trips, for each face it uses
 * (family match and font file) and for each size of each face (its render style), then builds
 * them: measured in that layout before this, 3–4 face and 7–9 size round trips and 6–30 ms of
 * waiting on a loaded machine, the largest single part of the panel's first layout. Measuring a
 * little text on an offscreen canvas in the same faces and sizes fills the renderer's font cache
 * the same way (none of those round trips was left in the layout), with nothing added to the page.
 */

/**
 * The faces and sizes the open panel's first paint uses: theme.css sets 14px; story.css and
 * sidebar.css use 0.9em of it for the smaller texts and the platform marks, 1.2em for the story's
 * title, and weights 400 and 700 (headings, marks and the match's confidence are bold).
 */
const PANEL_FONTS = ['14px', '12.6px', '700 14px', '700 12.6px', '700 16.8px'];

export function warmFonts(family: string): void {
  try {
    const context = new OffscreenCanvas(1, 1).getContext('2d');
    if (!context) return;
    for (const font of PANEL_FONTS) {
      context.font = `${font} ${family}`;
      context.measureText('Ag');
    }
  } catch {
    // No OffscreenCanvas here: the first layout loads the fonts, as it would anyway.
  }
}
