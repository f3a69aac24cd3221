/** Types for template-text.mjs, so rollup.config.ts and TypeScript tests can import it. */
export declare function minifiedCss(cooked: string | null | undefined): string | undefined;
export declare function foldTemplates(code: string, parse: (code: string) => unknown): string | null;
