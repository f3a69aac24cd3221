import { html, LitElement, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import emailStyles from '../../components/partner-email-copy/partner-email-copy.styles.js';
import pageStyles from '../../components/partner-resources/partner-resources.styles.js';
import { PAGE_HEADING_OFFSET } from '../../src/internal/markdown-options.js';
import { resourceStyles } from '../../src/styles/resources.js';
import { baseStyles } from '../../src/styles/tokens.js';
import { EXAMPLE_PARTNER, fillPlaceholders } from './resource-kinds.js';
import { previewMarkdown } from './markdown-preview.js';

/**
 * What a partner will see of a resource page or an email, live as the merchant types, with the
 * partner elements' own styles (`<partner-resources>`, `<partner-email-copy>`): a page's markdown
 * is rendered in the browser by the same parser and rules as the server's; an email has its
 * placeholders filled in for an example partner.
 *
 * @tag partner-admin-resource-preview
 * @csspart page-title - The page's title, as `<partner-resources>` shows it.
 * @csspart content - The rendered page.
 * @csspart subject - The email's subject, filled in.
 * @csspart body - The email's text, filled in.
 */
export class PartnerAdminResourcePreviewElement extends LitElement {
  static override styles = [baseStyles, resourceStyles, pageStyles, emailStyles];

  /** `page` (markdown) or `email` (text with placeholders). */
  @property() kind: 'page' | 'email' = 'page';
  /** The page's title or the email's name. */
  @property() heading = '';
  @property() subject = '';
  @property() body = '';
  /** The server's address (root-relative links and images resolve against it; the example link). */
  @property() base = '';
  /** The slug of the email's link, for the example partner's link. */
  @property() linkSlug = '';

  override render() {
    if (this.kind === 'page') {
      return html`<article part="page">
        <h3 part="page-title">${this.heading || 'Untitled page'}</h3>
        <div part="content" class="content">${unsafeHTML(previewMarkdown(this.body, { base: this.base, headingOffset: PAGE_HEADING_OFFSET }))}</div>
      </article>`;
    }
    const link = this.linkSlug ? `${this.base}/r/${EXAMPLE_PARTNER.code}/${encodeURIComponent(this.linkSlug)}` : '';
    return html`<div part="email">
      <h3>${this.heading || 'Untitled email'}</h3>
      <div class="part"><span class="label">Subject</span><p part="subject">${fillPlaceholders(this.subject, link)}</p></div>
      <div class="part"><span class="label">Body</span><div part="body" role="region" tabindex="0" aria-label="Body, as partners get it">${fillPlaceholders(this.body, link)}</div></div>
      ${this.linkSlug ? nothing : html`<p class="muted">No link chosen: partners get the text without a tracking link.</p>`}
    </div>`;
  }
}
