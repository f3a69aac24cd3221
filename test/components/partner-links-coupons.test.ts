import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import '../../components/partner-links/partner-links.js';
import type { PartnerLinksElement } from '../../components/partner-links/partner-links.component.js';
import { ApiError } from '../../src/api/errors.js';
import { part, parts, text } from '../helpers/dom.js';
import { resourceElement } from '../helpers/resource-element.js';

const { render, loaded, stubClipboard } = resourceElement<PartnerLinksElement>('partner-links', 'list', 'links');

describe('<partner-links> coupon codes', () => {
  it('shows the partner’s coupon codes from /me, each with Copy, and passes axe', async () => {
    const { el } = await render({ coupons: ['DANA10', 'DANA-SPRING'] });
    await loaded(el);
    await waitUntil(() => part(el, 'coupons'));
    expect(text(part(el, 'coupons')!.querySelector('h3'))).to.equal('Your coupon codes');
    expect(parts(el, 'coupon').map((c) => text(c.querySelector('code')))).to.deep.equal(['DANA10', 'DANA-SPRING']);
    expect(parts(el, 'coupon-copy-button').map((b) => text(b))).to.deep.equal(['Copy coupon code DANA10', 'Copy coupon code DANA-SPRING']);
    expect(parts(el, 'link')).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('copies a code: the clipboard gets it, Copied shown, announced, partner-copy fires with kind coupon', async () => {
    const clipboard = stubClipboard();
    const { el } = await render({ coupons: ['DANA10'] });
    await waitUntil(() => part(el, 'coupons'));
    expect(text(part(el, 'coupons')!.querySelector('h3'))).to.equal('Your coupon code');
    const button = part<HTMLButtonElement>(el, 'coupon-copy-button')!;
    const fired = oneEvent(el, 'partner-copy');
    button.click();
    expect((await fired).detail).to.deep.equal({ kind: 'coupon', text: 'DANA10' });
    expect(clipboard.texts).to.deep.equal(['DANA10']);
    await waitUntil(() => button.getAttribute('data-copy') === 'copied');
    expect(text(button)).to.equal('✓ Copied');
    expect(text(part(el, 'announcer'))).to.equal('Coupon code DANA10 copied to the clipboard');
  });

  it('shows nothing about coupons when the partner has none, or the server says nothing of them', async () => {
    const none = await render({ coupons: [] });
    await loaded(none.el);
    await waitUntil(() => none.api.calls.some((c) => c.method === 'me'));
    await new Promise((r) => setTimeout(r, 20));
    expect(part(none.el, 'coupons')).to.equal(null);
    const older = await render({});
    await loaded(older.el);
    await new Promise((r) => setTimeout(r, 20));
    expect(part(older.el, 'coupons')).to.equal(null);
  });

  it('shows the links even while /me has not answered or failed', async () => {
    const pending = await render({ coupons: ['DANA10'], fail: { me: 'pending' } });
    await loaded(pending.el);
    expect(parts(pending.el, 'link')).to.have.length(3);
    expect(part(pending.el, 'coupons')).to.equal(null);
    const failed = await render({ coupons: ['DANA10'], fail: { me: new ApiError(500, 'internal', 'Server error') } });
    await loaded(failed.el);
    await new Promise((r) => setTimeout(r, 20));
    expect(parts(failed.el, 'link')).to.have.length(3);
    expect(part(failed.el, 'coupons')).to.equal(null);
    expect(part(failed.el, 'error')).to.equal(null);
  });
});
