import { Task } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { ApiError } from '../../src/api/errors.js';
import { loadingView } from '../../src/internal/states.js';
import { baseStyles } from '../../src/styles/tokens.js';
import type { EmailPreview, EmailTemplate, EmailTemplateInput, MailKind } from '../api/types.js';
import { adminStyles } from '../internal/admin-styles.js';
import { describedBy, fieldError, formProblem, formStyles, invalid, serverFieldError, type FieldErrors } from '../internal/form-fields.js';
import { SectionElement } from '../internal/section-element.js';
import styles from './partner-admin-email.styles.js';

/** How long typing pauses before the preview is asked for. */
export const PREVIEW_DELAY = 300;

type Field = 'subject' | 'body';

/**
 * The templates of the program's messages: each kind's subject and markdown body with its
 * `{{placeholders}}` (click one to insert it where the cursor is), a live preview rendered by the
 * server with sample data as you type, Save (an unknown placeholder is refused and said under its
 * field) and Reset to default (after a confirmation). `route.path`: `[]` the list, `[kind]` one.
 *
 * @tag partner-admin-email-templates
 * @summary The Email section's templates.
 *
 * @event partner-admin-navigate - The open template changed. `detail: { path, params, replace }`.
 *
 * @csspart table - The kinds of message.
 * @csspart row - One kind.
 * @csspart customized - Says a template differs from the default.
 * @csspart form - One template's subject and body.
 * @csspart placeholders - Its placeholders, each a button that inserts it.
 * @csspart preview - The preview (subject, HTML in a sandboxed iframe, text).
 * @csspart preview-error - Why the preview cannot be shown.
 * @csspart save - Saves the template.
 * @csspart reset - Asks to reset the template to the default.
 * @csspart confirm - The reset confirmation.
 * @csspart field-error - A field's error, under it.
 * @csspart form-error - The template was not saved: why (role="alert").
 * @csspart spinner - Loading.
 * @csspart error - A failure (role="alert").
 * @csspart forbidden - The user's role may not see this.
 * @csspart announcement - What an action just did (live).
 */
export class PartnerAdminEmailTemplatesElement extends SectionElement {
  static override styles = [baseStyles, adminStyles, formStyles, styles];

  @state() private draft?: EmailTemplateInput & { kind: MailKind };
  @state() private errors: FieldErrors = {};
  @state() private saving = false;
  @state() private confirming = false;
  @state() private said?: string;
  @state() private saveError?: unknown;
  @state() private preview?: EmailPreview;
  @state() private previewError?: unknown;
  @state() private previewing = false;
  /** templates saved or reset here since the list loaded */
  @state() private changed: Partial<Record<MailKind, EmailTemplate>> = {};

  #lastField: Field = 'body';
  #previewTimer?: ReturnType<typeof setTimeout>;
  #previewAbort?: AbortController;

  private data = new Task(this, {
    task: async ([token], { signal }): Promise<EmailTemplate[] | undefined> => {
      if (!token) return undefined;
      const templates = await this.client.emailTemplates({ signal });
      this.changed = {};
      return templates;
    },
    args: () => [this.signedIn?.token] as const,
  });

  /** The templates as they stand (the list, with what was saved here since). */
  private get templates(): EmailTemplate[] | undefined {
    return this.data.value?.map((t) => this.changed[t.kind] ?? t);
  }

  private get openKind(): string | undefined {
    return this.route.path[0];
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.#previewTimer);
    this.#previewAbort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    // a template opened (or the list arrived): its draft starts from what is saved
    const templates = this.templates;
    const kind = this.openKind;
    if (!templates || !kind || this.draft?.kind === kind) {
      if (!kind && this.draft && changed.has('route')) this.#close();
      return;
    }
    const t = templates.find((x) => x.kind === kind);
    if (!t) return;
    this.draft = { kind: t.kind, subject: t.subject, body: t.body };
    this.errors = {};
    this.confirming = false;
    this.preview = this.previewError = undefined;
    this.#schedulePreview(0);
  }

  #close() {
    this.draft = undefined;
    this.preview = this.previewError = undefined;
    clearTimeout(this.#previewTimer);
    this.#previewAbort?.abort();
  }

  /** One heading for every state of the view, so focus put on it stays there as data arrives. */
  private get heading(): string {
    const kind = this.openKind;
    if (kind === undefined) return 'Templates';
    const t = this.templates?.find((x) => x.kind === kind);
    return t ? t.title : this.templates ? 'Template not found' : 'Template';
  }

  override render() {
    const heading = html`<h3 tabindex="-1">${this.heading}</h3>`;
    if (!this.signedIn) return html`${heading}${this.signedOutView()}`;
    return html`${heading}
      ${this.data.render({
        initial: () => loadingView('Loading the templates…'),
        pending: () => (this.templates ? this.view(this.templates) : loadingView('Loading the templates…')),
        error: (e) => this.failure(e, () => void this.data.run()),
        complete: () => (this.templates ? this.view(this.templates) : nothing),
      })}`;
  }

  private view(templates: EmailTemplate[]) {
    const kind = this.openKind;
    if (kind === undefined) return this.list(templates);
    const t = templates.find((x) => x.kind === kind);
    if (!t) {
      return html`<p part="empty" class="notice">There is no template “${kind}”. <a href="#/email/templates" @click=${this.back}>All templates</a></p>`;
    }
    return this.editor(t);
  }

  private list(templates: EmailTemplate[]) {
    return html`<p class="notice">The subject and body of each message, in Markdown with placeholders. Partners receive the text and HTML made from them.</p>
      ${this.announcement(this.said)}
      <table part="table">
        <caption class="visually-hidden">Message templates</caption>
        <thead>
          <tr>
            <th scope="col">Message</th>
            <th scope="col">Subject</th>
            <th scope="col">Template</th>
          </tr>
        </thead>
        <tbody>
          ${templates.map(
            (t) => html`<tr part="row" data-kind=${t.kind}>
              <th scope="row">
                <a href="#/email/templates/${t.kind}" @click=${(e: Event) => this.open(e, t.kind)}>${t.title}</a>
                <span class="detail">${t.description}</span>
              </th>
              <td>${t.subject}</td>
              <td>${t.customized ? html`<span part="customized" class="status">Customized</span>` : html`<span class="muted">Default</span>`}</td>
            </tr>`,
          )}
        </tbody>
      </table>`;
  }

  private editor(t: EmailTemplate) {
    const d = this.draft?.kind === t.kind ? this.draft : { kind: t.kind, subject: t.subject, body: t.body };
    const e = this.errors;
    return html`<p><a href="#/email/templates" @click=${this.back}>← All templates</a></p>
      <p class="notice">${t.description}${t.customized ? ' Customized: your own text is used.' : ' The default text is used.'}</p>
      ${this.announcement(this.said)}
      ${this.saveError && !Object.keys(e).length ? html`<p part="error" role="alert">${this.errorText(this.saveError)}</p>` : nothing} ${formProblem(e)}
      <div class="editor">
        <form part="form" novalidate aria-label="Template: ${t.title}" @input=${this.onInput} @focusin=${this.onFocus} @submit=${(ev: Event) => this.save(ev, t)}>
          <div class="field">
            <label for="subject">Subject</label>
            <input id="subject" name="subject" autocomplete="off" .value=${d.subject} aria-invalid=${invalid(e, 'subject')} aria-describedby=${describedBy(e, 'subject')} />
            ${fieldError(e, 'subject')}
          </div>
          <div class="field">
            <label for="body">Body (Markdown)</label>
            <textarea id="body" name="body" .value=${d.body} aria-invalid=${invalid(e, 'body')} aria-describedby=${describedBy(e, 'body', true)}></textarea>
            <p class="hint" id="body-hint">A placeholder is written in double braces, like {{partner.name}}; only this message's placeholders are allowed.</p>
            ${fieldError(e, 'body')}
          </div>
          <div class="field" role="group" aria-labelledby="placeholders-title">
            <p class="hint" id="placeholders-title">Placeholders: click one to insert it where the cursor is</p>
            <ul part="placeholders" class="placeholders">
              ${t.placeholders.map(
                (p) => html`<li><button type="button" class="secondary" aria-label="Insert {{${p}}}" @mousedown=${(ev: Event) => ev.preventDefault()} @click=${() => this.insert(p)}>{{${p}}}</button></li>`,
              )}
            </ul>
          </div>
          <div class="actions">
            <button part="save" type="submit" aria-disabled=${this.saving ? 'true' : 'false'}>${this.saving ? 'Saving…' : 'Save template'}</button>
            ${t.customized
              ? html`<button part="reset" type="button" class="secondary" aria-expanded=${this.confirming ? 'true' : 'false'} @click=${this.askReset}>Reset to default…</button>`
              : nothing}
          </div>
          ${this.confirming ? this.confirmView(t) : nothing}
        </form>
        ${this.previewView()}
      </div>`;
  }

  private previewView() {
    const p = this.preview;
    return html`<section part="preview" class="preview" aria-labelledby="preview-title" aria-busy=${this.previewing ? 'true' : 'false'}>
      <h4 id="preview-title">Preview, with sample data</h4>
      ${this.previewError
        ? html`<p part="preview-error" class="error-text" role="status">No preview: ${this.errorText(this.previewError)}</p>`
        : !p
          ? loadingView('Rendering the preview…')
          : html`<p><strong>Subject:</strong> <span part="preview-subject">${p.subject}</span></p>
              <iframe part="preview-html" sandbox="" referrerpolicy="no-referrer" title="Preview of the message's HTML part" .srcdoc=${p.html}></iframe>
              <details>
                <summary>Text part</summary>
                <pre part="preview-text">${p.text}</pre>
              </details>`}
      ${this.previewing && p ? html`<p class="hint" role="status">Updating the preview…</p>` : nothing}
    </section>`;
  }

  private confirmView(t: EmailTemplate) {
    return html`<div part="confirm" class="confirm" role="group" aria-labelledby="confirm-text">
      <p id="confirm-text">Reset “${t.title}” to the default subject and body? Your text for it is lost.</p>
      <div class="actions">
        <button type="button" class="danger" @click=${() => this.reset(t)}>Reset to default</button>
        <button type="button" class="secondary" @click=${this.cancelReset}>Keep mine</button>
      </div>
    </div>`;
  }

  private open(e: Event, kind: MailKind) {
    e.preventDefault();
    this.said = this.saveError = undefined;
    this.navigate([kind], {});
  }

  private back = (e: Event) => {
    e.preventDefault();
    this.said = this.saveError = undefined;
    this.navigate([], {});
  };

  private onFocus = (e: FocusEvent) => {
    const name = (e.target as HTMLInputElement).name;
    if (name === 'subject' || name === 'body') this.#lastField = name;
  };

  private onInput = (e: Event) => {
    const target = e.target as HTMLInputElement;
    if (!this.draft || (target.name !== 'subject' && target.name !== 'body')) return;
    this.#change(target.name, target.value);
  };

  #change(field: Field, value: string) {
    this.draft = { ...this.draft!, [field]: value };
    if (this.errors[field]) this.errors = Object.fromEntries(Object.entries(this.errors).filter(([k]) => k !== field));
    this.said = undefined;
    this.#schedulePreview(PREVIEW_DELAY);
  }

  /** Puts `{{name}}` where the cursor was in the subject or body (the last one used), and keeps typing there. */
  private async insert(name: string) {
    const field = this.renderRoot.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${this.#lastField}"]`);
    if (!field || !this.draft) return;
    const token = `{{${name}}}`;
    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? start;
    field.setRangeText(token, start, end, 'end');
    this.#change(this.#lastField, field.value);
    await this.updateComplete;
    field.focus();
    field.setSelectionRange(start + token.length, start + token.length);
  }

  #schedulePreview(delay: number) {
    clearTimeout(this.#previewTimer);
    this.#previewTimer = setTimeout(() => void this.#renderPreview(), delay);
  }

  async #renderPreview() {
    const draft = this.draft;
    if (!draft) return;
    this.#previewAbort?.abort();
    const abort = (this.#previewAbort = new AbortController());
    this.previewing = true;
    try {
      const preview = await this.client.previewEmailTemplate(draft.kind, { subject: draft.subject, body: draft.body }, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.preview = preview;
      this.previewError = undefined;
    } catch (error) {
      if (abort.signal.aborted || (error instanceof Error && error.name === 'AbortError')) return;
      this.previewError = error;
    } finally {
      if (this.#previewAbort === abort) this.previewing = false;
    }
  }

  private async save(ev: Event, t: EmailTemplate) {
    ev.preventDefault();
    if (this.saving || !this.draft) return;
    const { subject, body } = this.draft;
    const errors: FieldErrors = {};
    if (!subject.trim()) errors.subject = 'Write a subject.';
    if (!body.trim()) errors.body = 'Write the message.';
    this.errors = errors;
    this.said = this.saveError = undefined;
    if (Object.keys(errors).length) return this.#focusInvalid();
    this.saving = true;
    try {
      const saved = await this.client.saveEmailTemplate(t.kind, { subject, body });
      this.#replace(saved);
      this.said = `“${t.title}” saved: new messages of this kind use it.`;
    } catch (error) {
      this.saveError = error;
      this.errors = serverFieldError(error, (field) => (field === 'subject' || field === 'body' ? field : undefined)) ?? this.#placeholderError(error) ?? {};
      await this.#focusInvalid();
    } finally {
      this.saving = false;
    }
  }

  /** A 400 `unknown_placeholder` without a field still belongs to the body. */
  #placeholderError(error: unknown): FieldErrors | undefined {
    return error instanceof ApiError && error.code === 'unknown_placeholder' ? { body: error.message } : undefined;
  }

  async #focusInvalid() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  #replace(saved: EmailTemplate) {
    this.changed = { ...this.changed, [saved.kind]: saved };
  }

  private askReset = async () => {
    this.confirming = !this.confirming;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="confirm"] button.secondary')?.focus();
  };

  private cancelReset = async () => {
    this.confirming = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="reset"]')?.focus();
  };

  private async reset(t: EmailTemplate) {
    if (this.saving) return;
    this.saving = true;
    this.said = this.saveError = undefined;
    try {
      const fresh = await this.client.resetEmailTemplate(t.kind);
      this.#replace(fresh);
      this.draft = { kind: fresh.kind, subject: fresh.subject, body: fresh.body };
      this.errors = {};
      this.confirming = false;
      this.said = `“${t.title}” is back to the default text.`;
      this.#schedulePreview(0);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#subject')?.focus();
    } catch (error) {
      this.confirming = false;
      this.saveError = error;
    } finally {
      this.saving = false;
    }
  }
}
