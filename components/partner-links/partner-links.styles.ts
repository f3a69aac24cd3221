import { css } from 'lit';

export default css`
  :host {
    max-width: var(--partner-links-max-width, var(--_width-content));
  }
  [part~='base'] {
    background: var(--partner-links-background, var(--_surface));
  }
  [part~='coupons'] {
    margin-block-end: var(--_space-l);
  }
  [part~='coupons'] ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s) var(--_space-m);
  }
  [part~='coupon'] {
    display: flex;
    align-items: center;
    gap: var(--_space-s);
    border: 1px dashed var(--partner-links-row-border-color, var(--_border));
    border-radius: var(--_radius);
    padding: var(--_space-xs) var(--_space-xs) var(--_space-xs) var(--_space-m);
  }
  [part~='coupon'] code {
    font-weight: 700;
    letter-spacing: 0.04em;
  }
  .sub {
    margin-block-end: var(--_space-m);
    max-width: 24em;
  }
  [part~='list'] {
    list-style: none;
    margin: 0 0 var(--_space-l);
    padding: 0;
    display: grid;
    gap: var(--_space-m);
  }
  [part~='link'] {
    border: 1px solid var(--partner-links-row-border-color, var(--_border));
    border-radius: var(--_radius);
    padding: var(--_space-m);
    display: grid;
    gap: var(--_space-s);
  }
  .link-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_space-xs) var(--_space-s);
  }
  [part~='badge'] {
    font-size: 0.75em;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--_accent);
  }
  [part~='clicks'] {
    margin-inline-start: auto;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .destination {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
    overflow-wrap: anywhere;
  }
  [part~='qr'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-m);
  }
  [part~='qr'] img {
    width: var(--partner-links-qr-size, 10em);
    height: var(--partner-links-qr-size, 10em);
    background: #fff;
    border: 1px solid var(--_border);
    image-rendering: pixelated;
  }
  [part~='form'] {
    display: grid;
    gap: var(--_space-m);
    border-top: 1px solid var(--_border);
    padding-top: var(--_space-l);
  }
  .form-fields {
    display: grid;
    gap: var(--_space-m);
    grid-template-columns: minmax(0, 3fr) minmax(0, 1fr);
  }
  @container (max-width: 36em) {
    .form-fields {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  [part~='form-error'] {
    margin: 0;
  }
`;
