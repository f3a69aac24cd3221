import type { StorybookConfig } from '@storybook/web-components-vite';
import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vite';

/**
 * Storybook for the `partner-*` elements: Web Components + Vite, autodocs from
 * custom-elements.json (see preview.ts) and the accessibility panel.
 */
const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  core: {
    // Works offline: no telemetry, no "what's new" fetches.
    disableTelemetry: true,
    disableWhatsNewNotifications: true,
  },
  async viteFinal(config, { configType }) {
    return mergeConfig(config, {
      // `build-storybook` lists only warnings and errors, not every chunk; Storybook's own
      // preview chunks (docs renderer, axe) are large and never reach a merchant's page.
      ...(configType === 'PRODUCTION' && { logLevel: 'warn', build: { chunkSizeWarningLimit: 1500 } }),
      // Pre-bundling Lit gives the stories a second copy of it ("Multiple versions of Lit loaded").
      optimizeDeps: { exclude: ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@lit/task', '@lit/context'] },
      // The elements use legacy decorators (experimentalDecorators, useDefineForClassFields:
      // false). Vite's transform must follow tsconfig.json, or the built stories render blank
      // without any build error.
      tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)),
    });
  },
};

export default config;
