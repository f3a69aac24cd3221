import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../components/partner-programs/partner-programs.js';
import type { PartnerProgramsElement } from '../../components/partner-programs/partner-programs.component.js';
import { sessionStore } from '../../src/session.js';
import { part, parts, text } from '../helpers/dom.js';
import { demoPartner, fakeApi, serverError, type FakeApiOptions } from '../helpers/fake-api.js';

const signIn = () => sessionStore().start({ token: 'pc_t', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), partner: demoPartner });

afterEach(() => {
  sessionStore().end();
  sessionStorage.clear();
});

describe('<partner-programs>', () => {
  const render = (options: FakeApiOptions = {}) => {
    const api = fakeApi(options);
    return fixture<PartnerProgramsElement>(html`<partner-programs .api=${api}></partner-programs>`).then((el) => ({ el, api }));
  };

  it('signed out: asks to sign in and makes no request', async () => {
    const { el, api } = await render();
    expect(text(part(el, 'signed-out'))).to.equal('Sign in to see your programs.');
    expect(api.calls).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('lists the programs with their descriptions', async () => {
    signIn();
    const { el } = await render();
    await waitUntil(() => part(el, 'list'));
    const items = parts(el, 'program');
    expect(items.map((li) => text(li.querySelector('h3')))).to.deep.equal(['Outdoor Pro', 'Friends of Northwind']);
    expect(text(items[1])).to.contain('Our everyday referral program');
    await expect(el).to.be.accessible();
  });

  it('loading, empty and error states', async () => {
    signIn();
    const loading = await render({ fail: { programs: 'pending' } });
    expect(part(loading.el, 'spinner')).to.have.attribute('role', 'status');
    const empty = await render({ programs: [] });
    await waitUntil(() => part(empty.el, 'empty'));
    expect(text(part(empty.el, 'empty'))).to.equal("You're not in a program yet, so links don't earn commission. Once the program owner adds you to a program, your links will earn.");
    const failed = await render({ fail: { programs: serverError() } });
    await waitUntil(() => part(failed.el, 'error'));
    expect(part(failed.el, 'error')).to.have.attribute('role', 'alert');
    expect(text(part(failed.el, 'error'))).to.contain('Something went wrong on the server');
    await expect(failed.el).to.be.accessible();
  });

  it('retries after an error', async () => {
    signIn();
    const options: FakeApiOptions = { fail: { programs: serverError() } };
    const { el, api } = await render(options);
    await waitUntil(() => part(el, 'error'));
    delete options.fail!.programs;
    part(el, 'error')!.querySelector('button')!.click();
    await waitUntil(() => part(el, 'list'));
    expect(api.calls.filter((c) => c.method === 'programs')).to.have.length(2);
  });

  it('loads when the partner signs in elsewhere on the page', async () => {
    const { el } = await render();
    expect(part(el, 'signed-out')).to.exist;
    signIn();
    await waitUntil(() => part(el, 'list'), 'loads after sign-in');
  });
});
