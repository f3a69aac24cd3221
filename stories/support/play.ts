/** Small helpers for the play functions of the Resources stories (plain DOM, no test library). */

export async function waitFor<T>(find: () => T | null | undefined | false, timeout = 3000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() - start > timeout) throw new Error('waitFor: timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The shadow root of the first `tag` in the story, once it rendered `ready`. */
export async function shadowOf(canvas: HTMLElement, tag: string, ready: string): Promise<ShadowRoot> {
  await customElements.whenDefined(tag);
  const host = await waitFor(() => canvas.querySelector(tag));
  return waitFor(() => (host.shadowRoot?.querySelector(ready) ? host.shadowRoot : null));
}

/** Types into an input as a user would (sets the value, fires input). */
export function typeInto(input: HTMLInputElement | null, value: string) {
  if (!input) throw new Error('typeInto: no input');
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/** Lets "Copy" work without a user gesture or clipboard permission in the story frame. */
export function stubClipboardForStory() {
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async () => {} } });
}
