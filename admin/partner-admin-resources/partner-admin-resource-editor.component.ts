import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError, messageOf } from '../../src/api/errors.js';
import { baseStyles } from '../../src/styles/tokens.js';
import type { AdminLink, AdminProgram } from '../api/types.js';
import { AdminElement } from '../internal/admin-element.js';
import { adminStyles } from '../internal/admin-styles.js';
import { type AnyResource, check, IMAGE_TYPES, inputOf, isActive, type KindInfo, MAX_UPLOAD_BYTES, titleOf, valuesOf } from './resource-kinds.js';
import editorStyles from './partner-admin-resources.styles.js';

/** Labels of the fields, for our own messages and the server's (`name` → "Name"). */
const LABELS: Record<string, string> = {
  slug: 'Slug',
  name: 'Name',
  title: 'Title',
  destination: 'Destination',
  alt: 'Image description (alt text)',
  image: 'Image',
  imageUrl: 'Image',
  uploadId: 'Image',
  width: 'Width',
  height: 'Height',
  linkId: 'Link',
  linkSlug: 'Link',
  subject: 'Subject',
  body: 'Text',
  programIds: 'Programs',
  status: 'Shown to partners',
};
/** Server fields that are one field on this form. */
const FORM_FIELD: Record<string, string> = { imageUrl: 'image', uploadId: 'image', linkSlug: 'linkId' };

/** A material item changed: the section shows the list again and says what happened. */
export class PartnerAdminResourceSavedEvent extends Event {
  constructor(readonly detail: { message: string }) {
    super('partner-admin-resource-saved', { bubbles: true, composed: true });
  }
}

/**
 * Creates or edits one link, banner, email or resource page: its fields with their errors
 * beside them, the programs it is limited to, whether partners see it, a live preview
 * (page, email, banner image), the banner's image upload, and delete with a confirmation.
 * Rendered by `<partner-admin-resources>` for `#/resources/<kind>/<id|new>`.
 *
 * @tag partner-admin-resource-editor
 * @event partner-admin-resource-saved - Saved or deleted. `detail: { message }`.
 * @event partner-admin-back - "Back to the list" was chosen.
 * @csspart form - The form.
 * @csspart field-error - An error beside its field.
 * @csspart error - What stops saving (role="alert").
 * @csspart preview - The preview as partners will see it.
 * @csspart image-preview - The banner's image.
 * @csspart confirm - The delete confirmation.
 */
export class PartnerAdminResourceEditorElement extends AdminElement {
  static override styles = [baseStyles, adminStyles, editorStyles];

  @property({ attribute: false }) info!: KindInfo;
  /** The item edited; undefined for a new one. */
  @property({ attribute: false }) item?: AnyResource;
  @property({ attribute: false }) programs: AdminProgram[] = [];
  /** The merchant's links (banners and emails point to one). */
  @property({ attribute: false }) links: AdminLink[] = [];

  @state() private values: Record<string, string> = {};
  @state() private programIds: number[] = [];
  @state() private active = true;
  @state() private errors: Record<string, string> = {};
  @state() private formError?: string;
  @state() private saving = false;
  @state() private uploading = false;
  @state() private confirming = false;
  @state() private said?: string;
  /** where the image just uploaded is served */
  @state() private uploadedUrl?: string;

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('item') || changed.has('info')) {
      this.values = valuesOf(this.item);
      this.programIds = [...(this.item?.programIds ?? [])];
      this.active = this.item ? isActive(this.item) : true;
      this.errors = {};
      this.formError = undefined;
      this.confirming = false;
      this.uploadedUrl = undefined;
    }
  }

  private get creating() {
    return !this.item;
  }

  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h3[tabindex]')?.focus();
  }

  override render() {
    const { one } = this.info;
    return html`<p><a href="#/resources/${this.info.name}" @click=${this.back}>← All ${this.info.label.toLowerCase()}</a></p>
      <h3 tabindex="-1">${this.creating ? `New ${one}` : html`Edit ${one}: ${titleOf(this.item!)}`}</h3>
      <p part="announcement" role="status">${this.said ?? nothing}</p>
      ${this.formError ? html`<div part="error" role="alert" class="error-box">${this.formError}</div>` : nothing}
      <div class="editor">
        <form part="form" class="stacked" novalidate aria-busy=${this.saving ? 'true' : 'false'} @submit=${this.save}>
          ${this.fields()} ${this.programsField()}
          <label class="check"><input type="checkbox" name="active" .checked=${this.active} @change=${(e: Event) => (this.active = (e.target as HTMLInputElement).checked)} /> Shown to partners</label>
          <div class="actions">
            <button type="submit" aria-disabled=${this.saving || this.uploading ? 'true' : 'false'}>${this.saving ? 'Saving…' : this.creating ? `Create ${one}` : 'Save changes'}</button>
            <button type="button" class="secondary" @click=${this.back}>Cancel</button>
            ${this.creating ? nothing : html`<button type="button" class="secondary danger" aria-expanded=${this.confirming ? 'true' : 'false'} @click=${this.askDelete}>Delete…</button>`}
          </div>
          ${this.confirming ? this.confirmView() : nothing}
        </form>
        ${this.previewView()}
      </div>`;
  }

  /** One labelled input with its hint and error, wired for screen readers. */
  private field(name: string, label: string, options: { type?: string; hint?: string; multiline?: boolean; required?: boolean; input?: TemplateResult } = {}) {
    const error = this.errors[name];
    const described = [options.hint ? `h-${name}` : '', error ? `e-${name}` : ''].filter(Boolean).join(' ') || nothing;
    const control =
      options.input ??
      (options.multiline
        ? html`<textarea id="f-${name}" name=${name} rows="12" ?required=${options.required} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${described} .value=${this.values[name] ?? ''} @input=${this.onInput}></textarea>`
        : html`<input id="f-${name}" name=${name} type=${options.type ?? 'text'} ?required=${options.required} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${described} .value=${this.values[name] ?? ''} @input=${this.onInput} />`);
    return html`<div class="field">
      <label for="f-${name}">${label}${options.required ? html`<span aria-hidden="true"> *</span>` : nothing}</label>
      ${options.hint ? html`<span id="h-${name}" class="detail">${options.hint}</span>` : nothing} ${control}
      ${error ? html`<p id="e-${name}" part="field-error" class="field-error">${error}</p>` : nothing}
    </div>`;
  }

  private linkSelect(required: boolean) {
    const error = this.errors.linkId;
    return html`<select id="f-linkId" name="linkId" ?required=${required} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? 'e-linkId' : nothing} @change=${this.onInput}>
      <option value="" ?selected=${!this.values.linkId}>${required ? 'Choose a link' : 'No link'}</option>
      ${this.links
        .filter((l) => l.partnerCode === null)
        .map((l) => html`<option value=${l.id} ?selected=${this.values.linkId === String(l.id)}>${l.name} (/${l.slug})${l.status === 'active' ? '' : ' — disabled'}</option>`)}
    </select>`;
  }

  private fields() {
    switch (this.info.kind) {
      case 'links':
        return html`${this.creating
            ? this.field('slug', 'Slug', { required: true, hint: 'In every partner’s link: /r/<code>/<slug>. It cannot change once partners share it.' })
            : html`<p class="detail">Slug: <code>${this.values.slug}</code> (fixed: partners share it)</p>`}
          ${this.field('name', 'Name', { required: true })}
          ${this.field('destination', 'Destination', { type: 'url', required: true, hint: 'The page the link opens, e.g. https://shop.example.com/spring' })}`;
      case 'banners':
        return html`${this.field('name', 'Name', { required: true })} ${this.imageField()}
          ${this.field('alt', 'Image description (alt text)', { required: true, hint: 'Read to people who cannot see the image.' })}
          <div class="pair">${this.field('width', 'Width (px)', { type: 'number', hint: this.values.uploadId ? 'Read from the upload' : undefined })}${this.field('height', 'Height (px)', { type: 'number' })}</div>
          ${this.field('linkId', 'Link', { required: true, input: this.linkSelect(true), hint: 'Where the banner takes people, with the partner’s code.' })}`;
      case 'email-copy':
        return html`${this.field('name', 'Name', { required: true })}
          ${this.field('subject', 'Subject', { required: true })}
          ${this.field('body', 'Text', { required: true, multiline: true, hint: 'Plain text. {{link}} becomes the partner’s link, {{partner.name}} and {{partner.code}} their name and code.' })}
          ${this.field('linkId', 'Link', { input: this.linkSelect(false), hint: 'What {{link}} stands for.' })}`;
      default:
        return html`${this.field('title', 'Title', { required: true })}
          ${this.field('slug', 'Slug', { hint: 'In the page’s address; made from the title when empty.' })}
          ${this.field('body', 'Content (markdown)', { multiline: true, hint: 'Markdown: # headings, **bold**, [links](https://…), lists, tables. The preview shows it as partners will.' })}`;
    }
  }

  private imageField() {
    const error = this.errors.image;
    const described = ['h-image', error ? 'e-image' : ''].filter(Boolean).join(' ');
    return html`<fieldset class="field">
      <legend>Image <span aria-hidden="true">*</span></legend>
      ${this.values.uploadId
        ? html`<p>Uploaded image ${this.values.uploadId} is used. <button type="button" class="secondary" @click=${this.otherImage}>Use another image</button></p>`
        : html`<label for="f-image">Upload a PNG, JPEG, GIF or WebP (at most 2 MB)</label>
            <input id="f-image" name="image" type="file" accept=${IMAGE_TYPES.join(',')} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${described} @change=${this.upload} />
            <label for="f-imageUrl">…or the image’s web address</label>
            <input id="f-imageUrl" name="imageUrl" type="url" aria-invalid=${error ? 'true' : 'false'} aria-describedby=${described} .value=${this.values.imageUrl ?? ''} @input=${this.onInput} />`}
      <span id="h-image" class="detail">${this.uploading ? 'Uploading…' : 'Partners embed the image from this server (uploads) or from its address.'}</span>
      ${error ? html`<p id="e-image" part="field-error" class="field-error">${error}</p>` : nothing}
    </fieldset>`;
  }

  private programsField() {
    return html`<fieldset class="field" part="programs">
      <legend>Limit to programs</legend>
      <span class="detail" id="h-programs">None chosen: partners of every program see it.</span>
      ${this.programs.length
        ? this.programs.map(
            (p) => html`<label class="check"
              ><input type="checkbox" name="programIds" value=${p.id} aria-describedby="h-programs" .checked=${this.programIds.includes(p.id)} @change=${(e: Event) => this.toggleProgram(p.id, (e.target as HTMLInputElement).checked)} />
              ${p.name}${p.status === 'archived' ? ' (archived)' : ''}</label
            >`,
          )
        : html`<p class="muted">No programs yet.</p>`}
      ${this.errors.programIds ? html`<p part="field-error" class="field-error">${this.errors.programIds}</p>` : nothing}
    </fieldset>`;
  }

  private previewView() {
    const kind = this.info.kind;
    if (kind === 'links') return nothing;
    if (kind === 'banners') {
      const src = this.imageSrc();
      return html`<section part="preview" class="preview" aria-labelledby="preview-title">
        <h4 id="preview-title">Preview</h4>
        ${src
          ? html`<img part="image-preview" src=${src} alt=${this.values.alt ?? ''} width=${this.values.width || nothing} height=${this.values.height || nothing} />`
          : html`<p class="muted">No image yet.</p>`}
      </section>`;
    }
    const link = this.links.find((l) => String(l.id) === this.values.linkId);
    return html`<section part="preview" class="preview" aria-labelledby="preview-title">
      <h4 id="preview-title">Preview: as partners will see it</h4>
      <partner-admin-resource-preview
        kind=${kind === 'email-copy' ? 'email' : 'page'}
        .heading=${(kind === 'email-copy' ? this.values.name : this.values.title) ?? ''}
        .subject=${this.values.subject ?? ''}
        .body=${this.values.body ?? ''}
        .base=${this.client.baseUrl}
        .linkSlug=${link?.slug ?? ''}
      ></partner-admin-resource-preview>
    </section>`;
  }

  private imageSrc() {
    const id = this.values.uploadId;
    if (id) {
      if (this.uploadedUrl) return this.uploadedUrl;
      return this.item && 'uploadId' in this.item && String(this.item.uploadId) === id ? this.item.imageSrc : `${this.client.baseUrl}/uploads/${id}`;
    }
    const url = this.values.imageUrl?.trim();
    return url && /^https?:\/\/./i.test(url) ? url : undefined;
  }

  private confirmView() {
    return html`<div part="confirm" class="confirm" role="group" aria-labelledby="confirm-text">
      <p id="confirm-text">Delete “${titleOf(this.item!)}”? Partners no longer see it${this.info.kind === 'links' ? ', and their copies of the link stop working' : ''}. This cannot be undone.</p>
      <div class="actions">
        <button type="button" class="danger" @click=${this.deleteItem}>Delete ${this.info.one}</button>
        <button type="button" class="secondary" @click=${this.cancelDelete}>Keep it</button>
      </div>
    </div>`;
  }

  private setValues(patch: Record<string, string>) {
    this.values = { ...this.values, ...patch };
  }

  private onInput = (e: Event) => {
    const el = e.target as HTMLInputElement;
    this.setValues({ [el.name]: el.value });
  };

  private toggleProgram(id: number, on: boolean) {
    this.programIds = on ? [...this.programIds, id].sort((a, b) => a - b) : this.programIds.filter((x) => x !== id);
  }

  /**
   * An image uploaded here but not saved with the banner is deleted when the merchant picks
   * another or leaves without saving (`DELETE /uploads/{id}`), so no orphan is left behind.
   */
  private discardUnsavedUpload() {
    const id = Number(this.values.uploadId);
    if (!this.uploadedUrl || !id) return;
    this.uploadedUrl = undefined;
    this.client.deleteUpload(id).catch(() => {
      /* not worth troubling the merchant: an unused upload only takes space */
    });
  }

  private otherImage = () => {
    this.discardUnsavedUpload();
    this.setValues({ uploadId: '' });
  };

  private back = (e: Event) => {
    e.preventDefault();
    this.discardUnsavedUpload();
    this.emit(new Event('partner-admin-back', { bubbles: true, composed: true }));
  };

  /** Checks the file here (type, size), then uploads it; the server's refusal shows by the field. */
  private upload = async (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const { image: _old, ...rest } = this.errors;
    this.errors = rest;
    if (!IMAGE_TYPES.includes(file.type)) return this.refuseImage(input, `“${file.name}” is not a PNG, JPEG, GIF or WebP image.`);
    if (file.size > MAX_UPLOAD_BYTES) return this.refuseImage(input, `“${file.name}” is ${(file.size / 1024 / 1024).toFixed(1)} MB; images may be at most 2 MB.`);
    this.uploading = true;
    try {
      const upload = await this.client.uploadImage(file);
      this.discardUnsavedUpload();
      this.uploadedUrl = upload.url;
      this.setValues({ uploadId: String(upload.id), imageUrl: '', ...(upload.width && upload.height ? { width: String(upload.width), height: String(upload.height) } : {}) });
      this.said = `Image uploaded${upload.width && upload.height ? ` (${upload.width} × ${upload.height} pixels)` : ''}.`;
    } catch (error) {
      this.refuseImage(input, messageOf(error));
    } finally {
      this.uploading = false;
    }
  };

  private refuseImage(input: HTMLInputElement, message: string) {
    this.errors = { ...this.errors, image: message };
    this.formError = `Image: ${message}`;
    input.value = '';
  }

  private save = async (e: Event) => {
    e.preventDefault();
    if (this.saving || this.uploading) return;
    this.said = undefined;
    const errors = check(this.info.kind, this.values, this.creating);
    this.errors = errors;
    if (Object.keys(errors).length) return this.showErrors(errors);
    this.formError = undefined;
    this.saving = true;
    const input = inputOf(this.info.kind, this.values, this.programIds, this.active, this.creating);
    try {
      const saved = this.creating
        ? await this.client.createResource(this.info.kind, input)
        : await this.client.updateResource(this.info.kind, this.item!.id, input);
      this.uploadedUrl = undefined; // saved with the banner now
      this.emit(new PartnerAdminResourceSavedEvent({ message: `${this.capital()} “${titleOf(saved)}” ${this.creating ? 'created' : 'saved'}.` }));
    } catch (error) {
      const field = error instanceof ApiError && error.field ? (FORM_FIELD[error.field] ?? error.field) : undefined;
      if (field && error instanceof ApiError && (error.status === 400 || error.status === 409 || error.status === 422)) {
        const fragment = error.message.startsWith(`${error.field}: `) ? error.message.slice(error.field!.length + 2) : error.message;
        void this.showErrors({ [field]: fragment.charAt(0).toUpperCase() + fragment.slice(1) });
      } else {
        this.formError = messageOf(error, LABELS);
      }
    } finally {
      this.saving = false;
    }
  };

  /** Says the errors once (alert), shows each by its field, and puts focus on the first. */
  private async showErrors(errors: Record<string, string>) {
    this.errors = errors;
    const fields = Object.keys(errors);
    this.formError =
      fields.length === 1 ? `${LABELS[fields[0]!] ?? fields[0]}: ${errors[fields[0]!]}` : `Check ${fields.length} fields: ${fields.map((f) => LABELS[f] ?? f).join(', ')}.`;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  private capital() {
    return this.info.one.charAt(0).toUpperCase() + this.info.one.slice(1);
  }

  private askDelete = async () => {
    this.confirming = !this.confirming;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="confirm"] button.secondary')?.focus();
  };

  private cancelDelete = async () => {
    this.confirming = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('button.danger[aria-expanded]')?.focus();
  };

  private deleteItem = async () => {
    if (this.saving) return;
    this.saving = true;
    this.formError = undefined;
    try {
      await this.client.deleteResource(this.info.kind, this.item!.id);
      this.emit(new PartnerAdminResourceSavedEvent({ message: `${this.capital()} “${titleOf(this.item!)}” deleted.` }));
    } catch (error) {
      this.confirming = false;
      this.formError = messageOf(error, LABELS);
    } finally {
      this.saving = false;
    }
  };
}

declare global {
  interface GlobalEventHandlersEventMap {
    'partner-admin-resource-saved': PartnerAdminResourceSavedEvent;
  }
}
