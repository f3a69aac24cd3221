/** Small harness helpers for element tests: reach into shadow roots the way a user would. */
export function part<T extends HTMLElement = HTMLElement>(host: Element, name: string): T | null {
  return host.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
}

export function parts<T extends HTMLElement = HTMLElement>(host: Element, name: string): T[] {
  return [...host.shadowRoot!.querySelectorAll<T>(`[part~="${name}"]`)];
}

export function shadow<T extends Element = HTMLElement>(host: Element, selector: string): T | null {
  return host.shadowRoot!.querySelector<T>(selector);
}

/** Types into an input as a user would (sets the value, fires input). */
export function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** The text a user reads in an element, whitespace folded. */
export const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

export const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
