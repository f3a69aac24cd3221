import { css, unsafeCSS } from 'lit';

/**
 * The colour tokens: name, light default, dark value. Each is read as `--_<name>`, from the
 * merchant's `--partner-color-<name>`, else the dark theme's `--_dark-<name>`, else the light
 * default. The dark values are set as private, inherited custom properties (`--_dark-*`) on an
 * element with `theme="dark"` (or `theme="auto"` when the reader prefers dark), so every partner
 * element nested inside it — in its shadow root or slotted — picks them up too; `theme="light"`
 * inside a dark element sets them back to `initial`. A merchant's own `--partner-color-*` values
 * still win over the theme.
 */
const COLORS: readonly (readonly [name: string, light: string, dark: string])[] = [
  ['accent', '#2c5cc5', '#8ab4ff'],
  ['on-accent', '#ffffff', '#0b1220'],
  ['text', '#1d2433', '#e8ecf4'],
  ['muted', '#545d70', '#aeb7c9'],
  ['surface', '#ffffff', '#151a23'],
  ['subtle', '#f3f5f9', '#1f2633'],
  ['border', '#c6ccd8', '#4a5568'],
  ['danger', '#b3261e', '#ff9b93'],
  ['danger-surface', '#fdecea', '#3b1614'],
  ['success', '#1b6e3a', '#7dd99a'],
  ['on-success', '#ffffff', '#0b1220'],
  ['focus', '#1a56db', '#8ab4ff'],
];
const colorTokens = unsafeCSS(COLORS.map(([name, light]) => `--_${name}:var(--partner-color-${name},var(--_dark-${name},${light}));`).join(''));
const darkTokens = unsafeCSS(`${COLORS.map(([name, , dark]) => `--_dark-${name}:${dark};`).join('')}color-scheme:dark;`);
const lightReset = unsafeCSS(`${COLORS.map(([name]) => `--_dark-${name}:initial;`).join('')}color-scheme:light;`);

/**
 * The design tokens every element (and the console) reads: colours, spacing, radius, type
 * scale and widths. Each one goes through a `--partner-*` custom property, so a merchant themes
 * all elements from one place (e.g. `partner-login { --partner-color-accent: teal }` or on
 * `:root`). Lengths are in `em` of the element's own font size (`--partner-font-size`, 16px by
 * default), never `rem`: a host page's `html { font-size: 62.5% }` must not shrink the widgets.
 */
export const tokenStyles = css`
  :host {
    ${colorTokens}
    --_radius: var(--partner-radius, 0.5em);
    --_space-xs: var(--partner-space-xs, 0.25em);
    --_space-s: var(--partner-space-s, 0.5em);
    --_space-m: var(--partner-space-m, 1em);
    --_space-l: var(--partner-space-l, 1.5em);
    /* type scale (relative to the element's font size) */
    --_title-size: var(--partner-title-size, 1.25em);
    --_figure-size: var(--partner-figure-size, clamp(1.25em, 10cqi, 2.25em));
    --_small-size: 0.875em;
    /* widths: one set of rules for every element */
    --_width-form: var(--partner-width-form, 26em);
    --_width-content: var(--partner-width-content, 48em);
    --_width-wide: var(--partner-width-wide, 64em);
    --_width-page: var(--partner-width-page, 76em);
    --_control-height: 2.75em;
  }
  :host([theme='dark']) {
    ${darkTokens}
  }
  :host([theme='light']) {
    ${lightReset}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${darkTokens}
    }
  }
`;

/**
 * What the host page must not change. A page rule such as `* { line-height: 3 }`,
 * `* { color: white }` or `html { font-size: 62.5% }` (through an inherited `rem`) matches the
 * custom element itself, and a page's normal declarations beat a shadow root's `:host` rules.
 * An `!important` declaration in the shadow context, though, beats the page's normal and
 * important ones, so the properties that decide legibility are set here with `!important`
 * (everything inside the shadow root then inherits them). Merchants change them through the
 * `--partner-*` custom properties instead (`--partner-font-size`, `--partner-font-family`,
 * `--partner-color-text`, `--partner-color-surface`…), which is what they are for.
 *
 * `container-type: inline-size` makes every element a size container, so its layout follows
 * the space it is given (`@container`), not the viewport. A contained element takes its width
 * from its parent, never from its content: in a flex row give it `flex: 1` or a width (or set
 * `--partner-container-type: normal`).
 */
export const hostStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    min-width: 0;
    container-type: var(--partner-container-type, inline-size);
    font-size: var(--partner-font-size, 16px) !important;
    line-height: var(--partner-line-height, 1.5) !important;
    font-family: var(--partner-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif) !important;
    font-weight: 400 !important;
    font-style: normal !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-align: start !important;
    text-indent: 0 !important;
    text-transform: none !important;
    text-shadow: none !important;
    white-space: normal !important;
    color: var(--_text) !important;
    background: var(--_surface) !important;
  }
  :host([hidden]) {
    display: none !important;
  }
`;

/**
 * The one card every element is drawn in: its `[part~='base']` wrapper. Element tokens such
 * as `--partner-login-background` still override it.
 */
export const cardStyles = css`
  [part~='base'] {
    background: var(--partner-card-background, var(--_surface));
    color: var(--_text);
    border: 1px solid var(--partner-card-border-color, var(--_border));
    border-radius: var(--_radius);
    padding: var(--partner-card-padding, var(--_space-l));
    min-width: 0;
  }
  @container (max-width: 30em) {
    [part~='base'] {
      padding: var(--partner-card-padding, var(--_space-m));
    }
  }
`;

/**
 * Headline figures (money, counts): large, tabular, and a number never wraps inside itself.
 * Elements use `.figure` for a headline value and `.money` for an amount in running text.
 */
export const figureStyles = css`
  .figure {
    display: block;
    font-size: var(--_figure-size);
    font-weight: 700;
    line-height: 1.15;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .money,
  .num,
  data,
  time {
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
`;

/** The controls, headings and helpers every element shares. */
export const elementStyles = css`
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  button {
    font: inherit;
    cursor: pointer;
    min-height: var(--_control-height);
    max-width: 100%;
    padding: var(--_space-s) var(--_space-m);
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
    /* a long label wraps inside the button instead of pushing it out of a narrow container */
    white-space: normal;
    overflow-wrap: anywhere;
  }
  button.secondary {
    background: transparent;
    color: var(--_accent);
  }
  button[disabled],
  button[aria-disabled='true'] {
    opacity: 0.65;
    cursor: not-allowed;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    min-height: var(--_control-height);
    max-width: 100%;
    padding: var(--_space-s);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  input {
    width: 100%;
  }
  input[type='checkbox'],
  input[type='radio'] {
    accent-color: var(--_accent);
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  a {
    color: var(--_accent);
  }
  img,
  svg {
    max-width: 100%;
  }
  [role='alert'] {
    color: var(--_danger);
    background: var(--_danger-surface);
    border-radius: var(--_radius);
    padding: var(--_space-s) var(--_space-m);
    margin: 0;
  }
  .notice {
    color: var(--_muted);
    margin: 0;
  }
  .error-box {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-s);
  }
  .error-box button {
    min-height: 2.25em;
    padding-block: var(--_space-xs);
  }
  .card {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-m) var(--_space-l);
  }
  h2,
  h3 {
    line-height: 1.25;
    overflow-wrap: anywhere;
  }
  h2 {
    font-size: var(--_title-size);
    margin: 0 0 var(--_space-m);
  }
  h3 {
    font-size: 1.0625em;
    margin: 0 0 var(--_space-s);
  }
  .spinner {
    display: inline-block;
    width: 1em;
    height: 1em;
    border: 2px solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    vertical-align: -0.15em;
    animation: partner-spin 0.8s linear infinite;
  }
  @keyframes partner-spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 2.4s;
    }
  }
`;

/**
 * The shared look, in every element's `static styles` first: tokens, the host defences, the
 * card, figures and controls.
 */
export const baseStyles = [tokenStyles, hostStyles, cardStyles, figureStyles, elementStyles];
