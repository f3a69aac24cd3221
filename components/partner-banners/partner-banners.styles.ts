import { css } from 'lit';

/** The populated view's look (partner-banners.view.ts): the filter and the gallery. */
export default css`
  .filter {
    max-width: 16em;
    margin-block-end: var(--_space-m);
  }
  [part~='gallery'] {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-l);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, var(--partner-banners-min-column, 18em)), 1fr));
  }
  [part~='banner'] {
    display: grid;
    gap: var(--_space-s);
    align-content: start;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-m);
    min-width: 0;
  }
  .banner-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: var(--_space-xs) var(--_space-s);
  }
  [part~='size'] {
    color: var(--_muted);
    font-size: 0.875em;
    font-variant-numeric: tabular-nums;
  }
  [part~='preview'] {
    display: flex;
    align-items: center;
    justify-content: center;
    padding: var(--_space-s);
    border-radius: var(--_radius);
    background: var(
      --partner-banners-preview-background,
      repeating-conic-gradient(#f1f3f7 0% 25%, #ffffff 0% 50%) 50% / 16px 16px
    );
    overflow: hidden;
  }
  /* real size, scaled down (never up) to fit the card */
  [part~='image'] {
    display: block;
    width: auto;
    height: auto;
    max-width: 100%;
    max-height: var(--partner-banners-preview-max-height, 20em);
  }
`;
