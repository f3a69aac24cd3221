import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../components/partner-email-copy/partner-email-copy.js';
import { mailtoHref, type PartnerEmailCopyElement } from '../../components/partner-email-copy/partner-email-copy.component.js';
import { expectViewLoadedWithData } from '../helpers/lazy-view.js';
import { part, parts, shadow, text } from '../helpers/dom.js';
import { demoEmails, type FakeApiOptions } from '../helpers/fake-api.js';
import { resourceElement } from '../helpers/resource-element.js';

const { render, loaded, stubClipboard } = resourceElement<PartnerEmailCopyElement>('partner-email-copy', 'list', 'emails');
const email = (el: Element, id: number) => shadow(el, `[data-email-id="${id}"]`)!;
const buttons = (el: Element, id: number) => [...email(el, id).querySelectorAll<HTMLButtonElement>('[part~="copy-button"]')];


describe('<partner-email-copy>', () => {
  it('loads its view while the emails load: the spinner until both are here, then the emails', async () => {
    // first in this file: the first signed-in element of the page, whose view's code is not here yet
    await expectViewLoadedWithData({ tag: 'partner-email-copy', read: 'emailCopy', loading: 'Loading emails…', populated: 'list' });
  });

  it('signed out: asks to sign in and makes no request', async () => {
    const { el, api } = await render({}, false);
    expect(text(part(el, 'signed-out'))).to.equal('Sign in to get emails that carry your link.');
    expect(api.calls).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('loading, error with retry, and empty', async () => {
    const pending = await render({ emailCopy: 'pending' });
    expect(text(part(pending.el, 'spinner'))).to.equal('Loading emails…');
    await expect(pending.el).to.be.accessible();
    const options: FakeApiOptions = { emailCopy: 'error' };
    const failed = await render(options);
    await loaded(failed.el);
    expect(part(failed.el, 'error')).to.have.attribute('role', 'alert');
    await expect(failed.el).to.be.accessible();
    options.emailCopy = 'empty';
    shadow<HTMLButtonElement>(failed.el, '[part~="error"] button')!.click();
    await waitUntil(() => part(failed.el, 'empty'));
    expect(text(part(failed.el, 'empty'))).to.equal('No email copy yet.');
    await expect(failed.el).to.be.accessible();
  });

  it('populated: each email with its name, filled-in subject and body, line breaks kept', async () => {
    const { el } = await render();
    await loaded(el);
    expect(parts(el, 'email').map((e) => text(e.querySelector('h3')))).to.deep.equal(['Spring sale announcement', 'Short intro']);
    expect(text(email(el, 1).querySelector('[part~="subject"]'))).to.equal('Dana Demo recommends: 20% off at Northwind');
    const body = email(el, 1).querySelector<HTMLElement>('[part~="body"]')!;
    expect(body.textContent).to.equal(demoEmails[0]!.body);
    expect(getComputedStyle(body).whiteSpace).to.equal('pre-wrap');
    expect(body.textContent).to.contain('https://partners.example.com/r/demo/spring-sale');
    await expect(el).to.be.accessible();
  });

  it('copies the subject and the text, each confirmed on its own button and announced', async () => {
    const clipboard = stubClipboard('async');
    const { el } = await render();
    await loaded(el);
    const [subject, body] = buttons(el, 1);
    expect(text(subject)).to.equal('Copy subject of Spring sale announcement');
    expect(text(body)).to.equal('Copy text of Spring sale announcement');
    setTimeout(() => subject!.click());
    const first = await oneEvent(el, 'partner-copy');
    expect(first.detail).to.deep.equal({ kind: 'email-subject', text: demoEmails[0]!.subject });
    await el.updateComplete;
    expect(text(subject)).to.equal('✓ Copied');
    // visibly confirmed: white on the success colour, also on a secondary button
    expect(getComputedStyle(subject!).backgroundColor).to.equal('rgb(27, 110, 58)');
    expect(getComputedStyle(subject!).color).to.equal('rgb(255, 255, 255)');
    expect(text(part(el, 'announcer'))).to.equal('Subject copied to the clipboard');
    setTimeout(() => body!.click());
    const second = await oneEvent(el, 'partner-copy');
    expect(second.detail).to.deep.equal({ kind: 'email-body', text: demoEmails[0]!.body });
    await el.updateComplete;
    expect(text(body)).to.equal('✓ Copied');
    expect(text(subject)).to.equal('Copy subject of Spring sale announcement');
    expect(text(part(el, 'announcer'))).to.equal('Email text copied to the clipboard');
    expect(clipboard.texts).to.deep.equal([demoEmails[0]!.subject, demoEmails[0]!.body]);
    await expect(el).to.be.accessible();
  });

  it('copies by keyboard: Tab to the button, Enter', async () => {
    const clipboard = stubClipboard('async');
    const { el } = await render();
    await loaded(el);
    buttons(el, 2)[0]!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(buttons(el, 2)[1]);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => clipboard!.texts.length === 1);
    expect(clipboard.texts[0]).to.equal(demoEmails[1]!.body);
  });

  it('offers the email to the mail app with subject and body', async () => {
    const { el } = await render();
    await loaded(el);
    const link = email(el, 1).querySelector<HTMLAnchorElement>('[part~="mailto"]')!;
    const href = new URL(link.href);
    expect(href.protocol).to.equal('mailto:');
    expect(href.searchParams.get('subject')).to.equal(demoEmails[0]!.subject);
    expect(href.searchParams.get('body')).to.equal(demoEmails[0]!.body.replace(/\n/g, '\r\n'));
    expect(text(link)).to.equal('Open in mail app: Spring sale announcement');
    expect(mailtoHref({ subject: 'a&b=c', body: 'x\ny' })).to.equal('mailto:?subject=a%26b%3Dc&body=x%0D%0Ay');
  });

  it('a long body scrolls in a focusable, named region', async () => {
    const { el } = await render({ emailsData: [{ ...demoEmails[0]!, body: 'line\n'.repeat(200) }] });
    await loaded(el);
    const body = part(el, 'body')!;
    expect(body.scrollHeight).to.be.above(body.clientHeight);
    expect(body.tabIndex).to.equal(0);
    expect(body).to.have.attribute('role', 'region');
    await expect(el).to.be.accessible();
  });

  it('shows merchant and partner text as text, never as markup', async () => {
    const evil = { id: 9, name: '<script>window.__emailPwned=1</script>', subject: '<img src=x onerror="window.__emailPwned=1">', body: '<svg onload="window.__emailPwned=1"></svg>', linkUrl: null };
    const { el } = await render({ emailsData: [evil] });
    await loaded(el);
    expect(text(email(el, 9).querySelector('[part~="subject"]'))).to.equal(evil.subject);
    expect(email(el, 9).querySelector('[part~="body"]')!.textContent).to.equal(evil.body);
    expect(el.shadowRoot!.querySelector('script, img, svg')).to.equal(null);
    await new Promise((r) => setTimeout(r, 50));
    expect((window as { __emailPwned?: number }).__emailPwned).to.equal(undefined);
  });
});
