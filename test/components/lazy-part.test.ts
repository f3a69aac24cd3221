import { expect, fixture, html as fixtureHtml, waitUntil } from '@open-wc/testing';
import { css, html } from 'lit';
import { LazyPart, type PartModule } from '../../src/internal/lazy-part.js';
import { PartnerElement } from '../../src/internal/partner-element.js';
import { part, shadow, text } from '../helpers/dom.js';

interface Greeting extends PartModule {
  greet(name: string): string;
}

/** What the fake import does next: each call takes the first entry (resolve a module or fail). */
const script: Array<'ok' | 'fail' | Promise<void>> = [];
let imports = 0;

const greeting: Greeting = {
  greet: (name) => `Hello, ${name}`,
  styles: [css`:host { --part-arrived: yes; } p.greeting { color: rgb(1, 2, 3); }`],
};

async function fakeImport(): Promise<Greeting> {
  imports++;
  const next = script.shift() ?? 'ok';
  if (next === 'fail') throw new TypeError('Failed to fetch dynamically imported module: /chunks/greeting-abc.js');
  if (next !== 'ok') await next;
  return greeting;
}

class LazyPartProbe extends PartnerElement {
  static override styles = css`:host { display: block; }`;
  readonly view = new LazyPart(this, fakeImport);

  override render() {
    return html`<section part="base">${this.view.render((g) => html`<p part="greeting" class="greeting">${g.greet('Ada')}</p>`)}</section>`;
  }
}
customElements.define('lazy-part-probe', LazyPartProbe);

const probe = () => fixture<LazyPartProbe>(fixtureHtml`<lazy-part-probe></lazy-part-probe>`);

describe('LazyPart (an element’s view loaded on demand)', () => {
  beforeEach(() => {
    script.length = 0;
    imports = 0;
  });

  it('renders the loading part first and the view once loaded', async () => {
    let arrive!: () => void;
    script.push(new Promise<void>((resolve) => (arrive = resolve)));
    const el = document.createElement('lazy-part-probe') as LazyPartProbe;
    document.body.append(el);
    let settled = false;
    void el.updateComplete.then(() => (settled = true));
    await waitUntil(() => part(el, 'spinner'));
    expect(text(part(el, 'spinner'))).to.equal('Loading…');
    expect(part(el, 'spinner')).to.have.attribute('role', 'status');
    expect(settled, 'updateComplete waits for the part').to.equal(false);
    arrive();
    await el.updateComplete;
    expect(text(part(el, 'greeting'))).to.equal('Hello, Ada');
    expect(getComputedStyle(part(el, 'greeting')!).color).to.equal('rgb(1, 2, 3)');
    expect(imports).to.equal(1);
    el.remove();
  });

  it('a chunk that fails once is fetched again; failing twice shows the error with Try again, which loads it', async () => {
    script.push('fail');
    const once = await probe();
    expect(text(part(once, 'greeting'))).to.equal('Hello, Ada');
    expect(imports).to.equal(2);

    imports = 0;
    script.push('fail', 'fail');
    const twice = await probe();
    const error = part(twice, 'error')!;
    expect(error).to.have.attribute('role', 'alert');
    expect(text(error)).to.contain('This part of the page could not be loaded.');
    expect(imports).to.equal(2);
    await expect(twice).to.be.accessible();

    shadow<HTMLButtonElement>(twice, '[part~="error"] button')!.click();
    await twice.updateComplete;
    expect(part(twice, 'error')).to.equal(null);
    expect(text(part(twice, 'greeting'))).to.equal('Hello, Ada');
    expect(imports).to.equal(3);
  });
});
