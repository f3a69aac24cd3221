import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../admin/partner-admin-resources/partner-admin-resources.js';
import type { PartnerAdminResourceEditorElement, PartnerAdminResourcesElement } from '../../admin/partner-admin-resources/partner-admin-resources.js';
import { previewMarkdown } from '../../admin/partner-admin-resources/markdown-preview.js';
import type { SectionRoute } from '../../admin/internal/route.js';
import { safeHtml } from '../../src/internal/safe-html.js';
import { part, parts, shadow, text, type } from '../helpers/dom.js';
import { fakeAdminApi, fakeAdminSession, type FakeAdminOptions } from '../helpers/fake-admin-api.js';
import { markdownCases, PREVIEW_BASE } from '../helpers/markdown-cases.js';

const render = async (path: string[] = [], options: FakeAdminOptions = {}, signedIn = true) => {
  const api = fakeAdminApi(options);
  const route: SectionRoute = { path, params: {} };
  const el = await fixture<PartnerAdminResourcesElement>(
    html`<partner-admin-resources .api=${api} .adminSession=${fakeAdminSession(signedIn)} .route=${route}></partner-admin-resources>`,
  );
  return { el, api };
};
const listed = (el: Element) => waitUntil(() => part(el, 'table') || part(el, 'empty') || part(el, 'error') || part(el, 'forbidden'));
const names = (el: Element) => parts(el, 'row').map((r) => text(r.querySelector('th a')));
const editorOf = async (el: Element) => {
  await waitUntil(() => shadow<PartnerAdminResourceEditorElement>(el, 'partner-admin-resource-editor')?.shadowRoot?.querySelector('form'));
  return shadow<PartnerAdminResourceEditorElement>(el, 'partner-admin-resource-editor')!;
};
const button = (root: Element, label: string) =>
  [...root.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === label || b.getAttribute('aria-label') === label)!;
const input = <T extends HTMLElement = HTMLInputElement>(editor: Element, name: string) => shadow<T>(editor, `[name="${name}"]`)!;
const submit = (editor: Element) => shadow<HTMLFormElement>(editor, 'form')!.requestSubmit();

describe('<partner-admin-resources> lists', () => {
  it('says it is loading', async () => {
    const { el } = await render([], { fail: { resources: 'pending' } });
    expect(text(part(el, 'spinner'))).to.equal('Loading links…');
    await expect(el).to.be.accessible();
  });

  it('opens on Links, with the sub-navigation, and passes axe', async () => {
    const { el } = await render();
    await listed(el);
    const nav = part(el, 'nav')!;
    expect(nav).to.have.attribute('aria-label', 'Resources');
    expect([...nav.querySelectorAll('a')].map((a) => text(a))).to.deep.equal(['Links', 'Banners', 'Email copy', 'Pages']);
    expect(text(nav.querySelector('[aria-current="page"]'))).to.equal('Links');
    expect(names(el)).to.deep.equal(['Home page', 'Spring sale', 'Old promo']);
    expect(text(parts(el, 'row')[1])).to.contain('Creators').and.contain('/r/<code>/spring-sale');
    expect(text(parts(el, 'row')[2])).to.contain('No (disabled)');
    // links have no order in the API: no move buttons
    expect(el.shadowRoot!.querySelector('[data-move]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('moves to another kind through the URL', async () => {
    const { el } = await render();
    await listed(el);
    const navigated = oneEvent(el, 'partner-admin-navigate');
    [...part(el, 'nav')!.querySelectorAll('a')].find((a) => text(a) === 'Banners')!.click();
    expect((await navigated).detail).to.deep.equal({ path: ['banners'], params: {}, replace: false });
    await waitUntil(() => names(el).includes('Leaderboard'));
    expect(names(el)).to.deep.equal(['Leaderboard', 'Square']);
    expect(text(parts(el, 'row')[1])).to.contain('No (archived)');
    expect(el.shadowRoot!.activeElement?.localName).to.equal('h3');
  });

  it('says when there is nothing of a kind yet', async () => {
    const { el } = await render(['pages'], { resources: { 'resource-pages': [] } });
    await listed(el);
    expect(text(part(el, 'empty'))).to.equal('No pages yet: partners see none. Add the first with “New page”.');
    await expect(el).to.be.accessible();
  });

  it('shows a failure with a way to try again', async () => {
    const { el } = await render(['banners'], { fail: { resources: 'error' } });
    await listed(el);
    expect(part(el, 'error')).to.have.attribute('role', 'alert');
    expect(text(part(el, 'error'))).to.contain('The server had a problem');
    await expect(el).to.be.accessible();
  });

  it('tells a user whose role may not see it', async () => {
    const { el } = await render(['banners'], { fail: { resources: 'forbidden' } });
    await listed(el);
    expect(text(part(el, 'forbidden'))).to.contain('Ask an owner');
    await expect(el).to.be.accessible();
  });

  it('asks to sign in when signed out', async () => {
    const { el } = await render([], {}, false);
    expect(text(part(el, 'signed-out'))).to.equal('Sign in to the console to see this.');
    await expect(el).to.be.accessible();
  });

  it('hides and shows an item to partners, and says so', async () => {
    const { el, api } = await render(['email-copy']);
    await listed(el);
    button(el, 'Disable Spring announcement').click();
    await waitUntil(() => text(part(el, 'announcement')));
    expect(text(part(el, 'announcement'))).to.equal('“Spring announcement” is hidden from partners.');
    expect(api.calls.find((c) => c.method === 'updateResource')!.args).to.deep.equal(['email-copy', 21, { status: 'archived' }]);
    expect(text(parts(el, 'row')[0])).to.contain('No (archived)');
  });

  it('reorders with the keyboard and saves the positions', async () => {
    const { el, api } = await render(['pages']);
    await listed(el);
    expect(button(el, 'Move Brand guidelines up')).to.have.attribute('aria-disabled', 'true');
    button(el, 'Move FAQ up').click();
    await waitUntil(() => names(el)[0] === 'FAQ');
    expect(names(el)).to.deep.equal(['FAQ', 'Brand guidelines']);
    expect(text(part(el, 'announcement'))).to.equal('“FAQ” moved to position 1 of 2.');
    const patches = api.calls.filter((c) => c.method === 'updateResource').map((c) => c.args);
    expect(patches).to.deep.equal([
      ['resource-pages', 32, { sortOrder: 0 }],
      ['resource-pages', 31, { sortOrder: 1 }],
    ]);
    expect(el.shadowRoot!.activeElement).to.equal(button(el, 'Move FAQ down'));
  });
});

describe('<partner-admin-resources> editor', () => {
  it('creates a link, naming each missing field beside it first', async () => {
    const { el, api } = await render(['links', 'new']);
    const editor = await editorOf(el);
    expect(text(shadow(editor, 'h3'))).to.equal('New link');
    submit(editor);
    await waitUntil(() => part(editor, 'error'));
    expect(text(part(editor, 'error'))).to.equal('Check 3 fields: Slug, Name, Destination.');
    expect(part(editor, 'error')).to.have.attribute('role', 'alert');
    expect(input(editor, 'slug')).to.have.attribute('aria-invalid', 'true');
    expect(input(editor, 'slug').getAttribute('aria-describedby')).to.contain('e-slug');
    expect(editor.shadowRoot!.activeElement).to.equal(input(editor, 'slug'));
    await expect(editor).to.be.accessible();
    expect(api.calls.some((c) => c.method === 'createResource')).to.equal(false);

    type(input(editor, 'slug'), 'summer');
    type(input(editor, 'name'), 'Summer');
    type(input(editor, 'destination'), 'shop.example.com');
    submit(editor);
    await waitUntil(() => text(part(editor, 'error')).startsWith('Destination'));
    expect(text(part(editor, 'error'))).to.equal('Destination: Give a full web address starting with https://.');

    type(input(editor, 'destination'), 'https://shop.example.com/summer');
    const programs = editor.shadowRoot!.querySelectorAll<HTMLInputElement>('[name="programIds"]');
    programs[1]!.click();
    submit(editor);
    await waitUntil(() => names(el).includes('Summer'));
    expect(api.calls.find((c) => c.method === 'createResource')!.args).to.deep.equal([
      'links',
      { slug: 'summer', name: 'Summer', destination: 'https://shop.example.com/summer', status: 'active', programIds: [2] },
    ]);
    expect(text(part(el, 'announcement'))).to.equal('Link “Summer” created.');
  });

  it('shows what the server refuses by its field', async () => {
    const { ApiError } = await import('../../src/api/errors.js');
    const { el } = await render(['links', '1'], { fail: { updateResource: new ApiError(400, 'invalid_request', 'destination: must not contain a user name or password', 'destination') } });
    const editor = await editorOf(el);
    submit(editor);
    await waitUntil(() => part(editor, 'field-error'));
    expect(text(part(editor, 'field-error'))).to.equal('Must not contain a user name or password');
    expect(text(part(editor, 'error'))).to.equal('Destination: Must not contain a user name or password');
    expect(editor.shadowRoot!.activeElement).to.equal(input(editor, 'destination'));
  });

  it('edits a page beside a live preview rendered as partners see it', async () => {
    const { el, api } = await render(['pages', '31']);
    const editor = await editorOf(el);
    expect(text(shadow(editor, 'h3'))).to.equal('Edit page: Brand guidelines');
    const preview = shadow(editor, 'partner-admin-resource-preview')!;
    await waitUntil(() => part(preview, 'content'));
    expect(part(preview, 'content')!.innerHTML).to.contain('<h4>Our brand</h4>');
    type(input<HTMLTextAreaElement>(editor, 'body') as unknown as HTMLInputElement, '# Hello\n\n<script>alert(1)</script>\n\n[docs](/help)');
    await waitUntil(() => text(part(preview, 'content')).startsWith('Hello'));
    const content = part(preview, 'content')!;
    expect(content.querySelector('h4')).to.exist;
    expect(content.querySelector('script')).to.equal(null);
    expect(content.querySelector('a')).to.have.attribute('href', 'https://partners.example.com/help');
    await expect(editor).to.be.accessible();
    submit(editor);
    await waitUntil(() => text(part(el, 'announcement')));
    expect(text(part(el, 'announcement'))).to.equal('Page “Brand guidelines” saved.');
    expect(api.calls.find((c) => c.method === 'updateResource')!.args[2]).to.include({ body: '# Hello\n\n<script>alert(1)</script>\n\n[docs](/help)', title: 'Brand guidelines' });
  });

  it('previews markdown exactly as the server renders it for partners', () => {
    for (const { markdown, html: serverHtml } of markdownCases) {
      const seen = document.createElement('div');
      seen.innerHTML = safeHtml(serverHtml);
      const preview = document.createElement('div');
      preview.innerHTML = previewMarkdown(markdown, { base: PREVIEW_BASE, headingOffset: 3 });
      expect(preview.isEqualNode(seen), `${markdown}\n${preview.innerHTML}\n${seen.innerHTML}`).to.equal(true);
    }
  });

  it('previews an email filled in for an example partner, and needs a link for {{link}}', async () => {
    const { el } = await render(['email-copy', '21']);
    const editor = await editorOf(el);
    const preview = shadow(editor, 'partner-admin-resource-preview')!;
    await waitUntil(() => part(preview, 'body'));
    expect(text(part(preview, 'body'))).to.equal('Hi! Ann Example here: Northwind has 20% off this week. https://partners.example.com/r/ann/spring-sale');
    const link = input<HTMLSelectElement>(editor, 'linkId');
    link.value = '';
    link.dispatchEvent(new Event('change'));
    submit(editor);
    await waitUntil(() => part(editor, 'field-error'));
    expect(text(part(editor, 'error'))).to.equal('Link: The text uses {{link}}: choose the link it stands for.');
    type(input(editor, 'subject'), 'Hi {{partner.nme}}');
    submit(editor);
    await waitUntil(() => text(part(editor, 'error')).startsWith('Check 2'));
    expect(text(editor.shadowRoot!.querySelector('#e-subject'))).to.contain('{{partner.nme}} is not a placeholder');
  });

  it('uploads a banner image after checking its type and size, and previews it', async () => {
    const { el, api } = await render(['banners', 'new']);
    const editor = await editorOf(el);
    const file = input(editor, 'image');
    const choose = (f: File) => {
      const list = new DataTransfer();
      list.items.add(f);
      file.files = list.files;
      file.dispatchEvent(new Event('change'));
    };
    choose(new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' }));
    await waitUntil(() => part(editor, 'field-error'));
    expect(text(part(editor, 'field-error'))).to.equal('“logo.svg” is not a PNG, JPEG, GIF or WebP image.');
    choose(new File([new Uint8Array(2 * 1024 * 1024 + 1)], 'huge.png', { type: 'image/png' }));
    await waitUntil(() => text(part(editor, 'field-error')).includes('huge'));
    expect(text(part(editor, 'field-error'))).to.equal('“huge.png” is 2.0 MB; images may be at most 2 MB.');
    expect(api.calls.some((c) => c.method === 'uploadImage')).to.equal(false);

    choose(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'banner.png', { type: 'image/png' }));
    await waitUntil(() => part(editor, 'image-preview'));
    expect(part(editor, 'image-preview')!.getAttribute('src')).to.match(/^data:image\/svg\+xml,.*Uploaded/);
    expect(text(part(editor, 'announcement'))).to.equal('Image uploaded (300 × 250 pixels).');
    expect(input(editor, 'width').value).to.equal('300');
    type(input(editor, 'name'), 'Skyscraper');
    type(input(editor, 'alt'), 'Northwind sale');
    const link = input<HTMLSelectElement>(editor, 'linkId');
    link.value = '1';
    link.dispatchEvent(new Event('change'));
    await expect(editor).to.be.accessible();
    submit(editor);
    await waitUntil(() => names(el).includes('Skyscraper'));
    expect(api.calls.find((c) => c.method === 'createResource')!.args[1]).to.deep.equal({
      name: 'Skyscraper', alt: 'Northwind sale', linkId: 1, uploadId: 101, width: 300, height: 250, status: 'active', programIds: [],
    });
  });

  it('deletes an image uploaded here when another is chosen or the editor is left unsaved', async () => {
    const { el, api } = await render(['banners', 'new']);
    const editor = await editorOf(el);
    const list = new DataTransfer();
    list.items.add(new File([new Uint8Array([0x89])], 'a.png', { type: 'image/png' }));
    input(editor, 'image').files = list.files;
    input(editor, 'image').dispatchEvent(new Event('change'));
    await waitUntil(() => part(editor, 'image-preview'));
    button(editor, 'Use another image').click();
    await waitUntil(() => api.calls.some((c) => c.method === 'deleteUpload'));
    expect(api.calls.find((c) => c.method === 'deleteUpload')!.args).to.deep.equal([101]);
    expect(part(editor, 'image-preview')).to.equal(null);
    expect(input(editor, 'image')).to.exist;
  });

  it('shows the server refusing an upload by the image field', async () => {
    const { ApiError } = await import('../../src/api/errors.js');
    const { el } = await render(['banners', 'new'], { fail: { uploadImage: new ApiError(422, 'type_mismatch', 'The request says image/png but the file is image/gif', 'body') } });
    const editor = await editorOf(el);
    const list = new DataTransfer();
    list.items.add(new File([new Uint8Array([1])], 'a.png', { type: 'image/png' }));
    input(editor, 'image').files = list.files;
    input(editor, 'image').dispatchEvent(new Event('change'));
    await waitUntil(() => part(editor, 'field-error'));
    expect(text(part(editor, 'field-error'))).to.equal('The request says image/png but the file is image/gif');
    expect(part(editor, 'error')).to.have.attribute('role', 'alert');
  });

  it('deletes only after a confirmation, which can be declined', async () => {
    const { el, api } = await render(['banners', '12']);
    const editor = await editorOf(el);
    button(editor, 'Delete…').click();
    await waitUntil(() => part(editor, 'confirm'));
    expect(text(part(editor, 'confirm'))).to.contain('Delete “Square”?');
    expect(editor.shadowRoot!.activeElement).to.equal(button(editor, 'Keep it'));
    await expect(editor).to.be.accessible();
    button(editor, 'Keep it').click();
    await waitUntil(() => !part(editor, 'confirm'));
    expect(api.calls.some((c) => c.method === 'deleteResource')).to.equal(false);
    button(editor, 'Delete…').click();
    await waitUntil(() => part(editor, 'confirm'));
    button(editor, 'Delete banner').click();
    await waitUntil(() => text(part(el, 'announcement')));
    expect(text(part(el, 'announcement'))).to.equal('Banner “Square” deleted.');
    expect(names(el)).to.deep.equal(['Leaderboard']);
  });

  it('says it is saving, and saves once', async () => {
    // (page 31: the FAQ's own "##" skips a heading level, in the preview as in the partner's portal)
    const { el, api } = await render(['pages', '31'], { fail: { updateResource: 'pending' } });
    const editor = await editorOf(el);
    submit(editor);
    await waitUntil(() => shadow(editor, 'form[aria-busy="true"]'));
    expect(text(shadow(editor, 'button[type="submit"]'))).to.equal('Saving…');
    submit(editor);
    expect(api.calls.filter((c) => c.method === 'updateResource')).to.have.length(1);
    await expect(editor).to.be.accessible();
  });

  it('hides an item from partners from its editor', async () => {
    const { el, api } = await render(['pages', '32']);
    const editor = await editorOf(el);
    input(editor, 'active').click();
    submit(editor);
    await waitUntil(() => text(part(el, 'announcement')));
    expect(api.calls.find((c) => c.method === 'updateResource')!.args[2]).to.include({ status: 'archived' });
    expect(text(parts(el, 'row')[1])).to.contain('No (archived)');
  });

  it('says when an item does not exist', async () => {
    const { el } = await render(['pages', '999']);
    await listed(el);
    expect(text(part(el, 'empty'))).to.contain('There is no page 999');
  });
});

describe('HttpAdminApi: material', () => {
  const realFetch = window.fetch;
  let requests: Request[] = [];
  const answer = (status: number, body: unknown) => {
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      requests.push(new Request(input, init));
      return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    };
  };
  const client = async () => {
    const { HttpAdminApi } = await import('../../admin/api/client.js');
    return new HttpAdminApi('https://pc.example', fakeAdminSession());
  };
  afterEach(() => {
    window.fetch = realFetch;
    requests = [];
  });

  it('lists each kind from its route and key, and changes one by id', async () => {
    answer(200, { emails: [{ id: 1 }], pages: [{ id: 2 }] });
    const api = await client();
    expect(await api.resources('email-copy')).to.deep.equal([{ id: 1 }]);
    expect(await api.resources('resource-pages')).to.deep.equal([{ id: 2 }]);
    await api.updateResource('banners', 12, { sortOrder: 3 });
    answer(204, null);
    await api.deleteResource('links', 4);
    expect(requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).to.deep.equal([
      'GET /api/v1/admin/email-copy',
      'GET /api/v1/admin/resource-pages',
      'PATCH /api/v1/admin/banners/12',
      'DELETE /api/v1/admin/links/4',
    ]);
    expect(await requests[2]!.json()).to.deep.equal({ sortOrder: 3 });
  });

  it('uploads the image itself as the body, with its type and the bearer token; a refusal is an ApiError', async () => {
    answer(201, { id: 9, url: 'https://pc.example/uploads/9' });
    const api = await client();
    const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    expect(await api.uploadImage(new Blob([bytes], { type: 'image/png' }))).to.include({ id: 9 });
    const sent = requests[0]!;
    expect(`${sent.method} ${new URL(sent.url).pathname}`).to.equal('POST /api/v1/admin/uploads');
    expect(sent.headers.get('Content-Type')).to.equal('image/png');
    expect(sent.headers.get('Authorization')).to.equal('Bearer admin-token');
    expect(new Uint8Array(await sent.arrayBuffer())).to.deep.equal(bytes);
    answer(413, { error: { code: 'payload_too_large', message: 'Images may be at most 2 MB' } });
    const error = await api.uploadImage(new Blob([bytes], { type: 'image/png' })).catch((e: unknown) => e);
    expect(error).to.have.property('status', 413);
    expect(error).to.have.property('message', 'Images may be at most 2 MB');
  });
});
