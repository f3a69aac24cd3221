/**
 * How merchant markdown is parsed (marked's options), in one place: the server renders what
 * partners get with it (server/resources/markdown.ts), and the console's preview renders the
 * same text with it in the browser (admin/partner-admin-resources/markdown-preview.ts).
 */
export const MARKED_OPTIONS = { gfm: true, breaks: false, async: false } as const;

/** Markdown `#` becomes this heading level in a resource page (the partner element titles pages with h3). */
export const PAGE_HEADING_OFFSET = 3;
