/**
 * Clipboard stand-ins for element tests: `async` records what the async Clipboard API got;
 * `fallback` makes that API refuse so the select-and-copy fallback runs (recorded too);
 * `broken` makes both fail.
 */
export function stubClipboard(mode: 'async' | 'fallback' | 'broken' = 'async') {
  const texts: string[] = [];
  const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
  const execCommand = document.execCommand;
  Object.defineProperty(navigator, 'clipboard', {
    configurable: true,
    value: {
      writeText: async (text: string) => {
        if (mode !== 'async') throw new DOMException('Write permission denied.', 'NotAllowedError');
        texts.push(text);
      },
    },
  });
  document.execCommand = (command: string) => {
    if (command !== 'copy' || mode === 'broken') return false;
    const active = document.activeElement as HTMLTextAreaElement | null;
    texts.push(active?.value?.slice(active.selectionStart ?? 0, active.selectionEnd ?? undefined) ?? '');
    return true;
  };
  return {
    texts,
    restore() {
      delete (navigator as { clipboard?: unknown }).clipboard;
      if (original) Object.defineProperty(Navigator.prototype, 'clipboard', original);
      document.execCommand = execCommand;
    },
  };
}
