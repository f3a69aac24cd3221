/** The focused element, looking into shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active as HTMLElement | null;
}

/**
 * Puts text on the clipboard: the async Clipboard API where the page may use it, else the old
 * select-and-copy way (insecure origins, older browsers, permission refused). Throws when both
 * fail; focus stays where it was.
 */
export async function copyText(text: string): Promise<void> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return;
    }
  } catch {
    // refused or unavailable: try the fallback
  }
  const previous = deepActiveElement();
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.setAttribute('aria-hidden', 'true');
  area.style.cssText = 'position:fixed;top:0;left:0;width:1px;height:1px;opacity:0;pointer-events:none';
  document.body.append(area);
  let copied = false;
  try {
    area.select();
    copied = document.execCommand('copy');
  } finally {
    area.remove();
    previous?.focus({ preventScroll: true });
  }
  if (!copied) throw new Error('The browser did not allow copying');
}
