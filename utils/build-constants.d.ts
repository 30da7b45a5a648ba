/** Defined at build time in wxt.config.ts: a fingerprint of public/story-index.json. */
declare const __CROSSTALK_BUNDLE_TAG__: string;
