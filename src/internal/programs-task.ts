import { Task } from '@lit/task';
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { PartnerApi, PartnerProgram } from '../api/types.js';
import { errorView, loadingView } from './states.js';

/**
 * The signed-in partner's programs (`<partner-programs>`, `<partner-commissions>`): loaded
 * again when the session or the client changes, none while signed out; `render` shows
 * `loading` while they load and the error with "Try again".
 */
export class ProgramsTask {
  private readonly task: Task<readonly [boolean, PartnerApi], PartnerProgram[]>;

  constructor(host: ReactiveControllerHost, signedIn: () => boolean, client: () => PartnerApi) {
    this.task = new Task(host, {
      task: ([signedIn, api], { signal }) => (signedIn && api ? api.programs({ signal }) : Promise.resolve([])),
      args: () => [signedIn(), client()] as const,
    });
  }

  render(loading: string, complete: (programs: PartnerProgram[]) => TemplateResult) {
    return this.task.render({
      initial: () => loadingView(loading),
      pending: () => loadingView(loading),
      error: (e) => errorView(e, () => this.task.run()),
      complete,
    });
  }
}
