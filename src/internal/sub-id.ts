import { msg } from '@lit/localize';
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { SUB_PATTERN, SUB_RULE } from './link-rules.js';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `text` with `sub=<sub>` added to every tracking link of this server in it
 * (`<origin>/r/<code>/<slug>`, `?sub=` or `&sub=` when it has a query already; links that carry
 * a sub-id of their own keep it). `origin` comes from one of the partner's links; `html`: the
 * text is HTML, so an added `&` is written `&amp;`.
 */
export function addSub(text: string, sampleUrl: string | null | undefined, sub: string, options: { html?: boolean } = {}): string {
  if (!sub || !sampleUrl) return text;
  let origin: string;
  try {
    origin = new URL(sampleUrl).origin;
  } catch {
    return text;
  }
  const links = new RegExp(`${escapeRe(origin)}/r/[A-Za-z0-9_%.-]+/[A-Za-z0-9_%-]+(?:\\?[^\\s"'<>#]*)?`, 'g');
  const amp = options.html ? '&amp;' : '&';
  return text.replace(links, (match) => {
    // punctuation closing a sentence is not part of the address
    const tail = /[.,;:!?)]+$/.exec(match)?.[0] ?? '';
    const url = match.slice(0, match.length - tail.length);
    const query = url.indexOf('?');
    if (query >= 0 && /(?:^|&|&amp;)sub=/.test(url.slice(query + 1))) return match;
    const joiner = query < 0 ? '?' : url.endsWith('?') || url.endsWith('&') ? '' : amp;
    return `${url}${joiner}sub=${encodeURIComponent(sub)}${tail}`;
  });
}

/**
 * The sub-id field of `<partner-banners>` and `<partner-email-copy>`: the partner's ad code for
 * one channel (the rule of links: SUB_PATTERN), added to every tracking link in what they copy.
 * `value` is the sub-id to use: empty while the field is empty or breaks the rule.
 */
export class SubIdController implements ReactiveController {
  private raw = '';

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected() {}

  get problem(): string | undefined {
    return this.raw && !SUB_PATTERN.test(this.raw) ? SUB_RULE : undefined;
  }

  get value(): string {
    return this.problem ? '' : this.raw;
  }

  /** `text` with the sub-id on its tracking links (see {@link addSub}). */
  apply(text: string, sampleUrl: string | null | undefined, options: { html?: boolean } = {}): string {
    return addSub(text, sampleUrl, this.value, options);
  }

  render(help: string) {
    const problem = this.problem;
    return html`<div class="field sub">
      <label for="sub">${msg('Sub-id')} <span class="help">${msg('(optional)')}</span></label>
      <input
        id="sub"
        part="input sub-input"
        .value=${this.raw}
        maxlength="64"
        autocomplete="off"
        spellcheck="false"
        aria-invalid=${problem ? 'true' : 'false'}
        aria-describedby=${problem ? 'sub-help sub-error' : 'sub-help'}
        @input=${(e: InputEvent) => {
          this.raw = (e.target as HTMLInputElement).value.trim();
          this.host.requestUpdate();
        }}
      />
      <p id="sub-help" class="help">${help}</p>
      ${problem ? html`<p id="sub-error" class="field-error">${problem}</p>` : nothing}
    </div>`;
  }
}
