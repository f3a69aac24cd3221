import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { saveFile } from '../../src/internal/save-file.js';
import type { CsvFile } from '../api/types.js';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

/**
 * A section's "Download CSV": asks the server for the file with the session (so no bearer
 * token ever goes into a link), saves it under the server's file name, and says what happened.
 * One download at a time; the button says "Preparing…" meanwhile.
 */
export class CsvDownload implements ReactiveController {
  busy = false;

  constructor(
    private readonly host: Host,
    private readonly get: () => Promise<CsvFile>,
    private readonly report: { said: (message: string) => void; failed: (error: unknown) => void },
  ) {
    host.addController(this);
  }

  hostConnected() {}

  run = async () => {
    if (this.busy) return;
    this.busy = true;
    this.report.failed(undefined);
    this.host.requestUpdate();
    try {
      const file = await this.get();
      saveFile(file.blob, file.filename, this.host.renderRoot);
      this.report.said(`Downloaded ${file.filename}.`);
    } catch (error) {
      this.report.failed(error);
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  };

  button(label: string): TemplateResult {
    return html`<button part="download" type="button" class="secondary" aria-disabled=${this.busy ? 'true' : 'false'} @click=${this.run}>
      ${this.busy ? 'Preparing…' : label}
    </button>`;
  }
}
