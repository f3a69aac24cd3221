import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
// Written by `npm run manifest` (cem analyze), which every Storybook script runs first.
import manifest from '../custom-elements.json';
import { configure } from 'storybook/test';
import { WCAG_TAGS } from './wcag.js';

// Play functions wait up to 5 s for what they expect (testing-library's default is 1 s): a busy
// machine (CI on 2 cores, a designer's laptop with a build running) must not fail a story.
configure({ asyncUtilTimeout: 5_000 });

setCustomElementsManifest(publicApiOnly(manifest));

/** Rows of the docs table that document the element but cannot be set from a control. */
const DOCUMENTED_ONLY = new Set(['events', 'slots', 'css custom properties', 'css shadow parts']);

/**
 * No controls on the rows that only document the element (events, slots, CSS custom
 * properties, parts): Storybook would offer an object editor that changes nothing.
 */
const documentedOnlyWithoutControls: NonNullable<Preview['argTypesEnhancers']>[number] = ({ argTypes }) =>
  Object.fromEntries(
    Object.entries(argTypes).map(([name, argType]) => [
      name,
      DOCUMENTED_ONLY.has(String(argType.table?.category)) ? { ...argType, control: false as const } : argType,
    ]),
  );

// after Storybook has read the manifest and inferred its controls
documentedOnlyWithoutControls.secondPass = true;

const preview: Preview = {
  tags: ['autodocs'],
  argTypesEnhancers: [documentedOnlyWithoutControls],
  parameters: {
    controls: { expanded: true },
    a11y: {
      // The accessibility panel checks what the story test enforces: WCAG 2.2 A and AA.
      options: { runOnly: { type: 'tag', values: WCAG_TAGS } },
      test: 'error',
    },
  },
};

export default preview;

interface Member {
  name: string;
  privacy?: string;
}
interface Manifest {
  modules?: { declarations?: { members?: Member[] }[] }[];
}

/** The manifest without private and protected members: the docs tables list what merchants can use. */
function publicApiOnly(cem: object): object {
  const { modules } = cem as Manifest;
  return {
    ...cem,
    modules: modules?.map((module) => ({
      ...module,
      declarations: module.declarations?.map((declaration) => ({
        ...declaration,
        members: declaration.members?.filter((m) => !m.privacy || m.privacy === 'public'),
      })),
    })),
  };
}
