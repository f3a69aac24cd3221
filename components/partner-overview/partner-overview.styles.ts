import { css } from 'lit';

/**
 * Layout by container queries only (sizes in em of the element's own font, never rem): one
 * column up to a 320 px sidebar (room for a seven-figure amount), two tiles a row from 21em
 * (a phone: the figures and the link fit in the first view), four from 60em. Figures scale
 * with the container (`cqi`) and never wrap inside a number. Here: the frame, the grid and the
 * placeholders (what the element shows before its view arrives); the tiles' content, the link,
 * the chart and the lists are styled in partner-overview.view.ts.
 */
export default css`
  :host {
    container-type: inline-size;
    max-width: var(--partner-overview-max-width, none);
  }
  [part~='base'] {
    background: var(--partner-overview-background, var(--_surface));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-m);
    display: grid;
    gap: var(--_space-m);
    min-width: 0;
  }
  h2 {
    margin: 0;
  }
  p {
    margin: 0;
  }
  .tiles {
    display: grid;
    gap: var(--_space-m);
    grid-template-columns: minmax(0, 1fr);
  }
  .pair {
    display: grid;
    gap: var(--_space-m);
    grid-template-columns: minmax(0, 1fr);
  }
  .tile,
  .card-block {
    background: var(--partner-overview-tile-background, var(--_subtle));
    border-radius: var(--_radius);
    padding: var(--_space-m);
    display: grid;
    align-content: start;
    gap: var(--_space-xs);
    min-width: 0;
  }
  /* placeholders as tall as what replaces them (measured with the demo's data) */
  .skeleton {
    min-height: 9.6em;
  }
  .skeleton.link-bone {
    min-height: 13.6em;
  }
  .skeleton.recent-bone {
    min-height: 24em;
  }
  .skeleton.activity-bone {
    min-height: 12.9em;
  }
  .bone {
    display: block;
    height: 0.875em;
    border-radius: var(--_radius);
    background: var(--_border);
    opacity: 0.5;
  }
  .bone.short {
    width: 40%;
  }
  .bone.figure-bone {
    height: 1.75em;
    width: 60%;
    margin-block: var(--_space-xs);
  }
  /* a phone or a sidebar: compact, two tiles a row, the link right after them */
  @container (max-width: 36em) {
    [part~='base'] {
      padding: 0.75em;
      gap: 0.75em;
    }
    h2 {
      font-size: 1.125em;
    }
    .tile,
    .card-block {
      padding: 0.625em 0.75em;
    }
    .skeleton {
      min-height: 6.6em;
    }
    .skeleton.recent-bone {
      min-height: 30.8em;
    }
    .skeleton.activity-bone {
      min-height: 27.2em;
    }
  }
  @container (min-width: 21em) {
    .tiles {
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: var(--_space-s);
    }
  }
  @container (min-width: 36em) {
    [part~='base'] {
      padding: var(--_space-l);
    }
    .tiles {
      gap: var(--_space-m);
    }
    .pair {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
  }
  @container (min-width: 60em) {
    .tiles {
      grid-template-columns: repeat(4, minmax(0, 1fr));
    }
  }
`;
