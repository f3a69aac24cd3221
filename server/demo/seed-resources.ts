import type { Deps } from '../deps.js';
import { createBanner } from '../resources/banners.js';
import { createEmail } from '../resources/email-copy.js';
import { createPage } from '../resources/resource-pages.js';
import { storeUpload } from '../resources/uploads.js';
import { encodePng, textWidth, withText, type Rgb } from './png.js';

/**
 * Demo material for the Resources menu: banners (drawn here as PNGs and stored as uploads —
 * no files, no internet), email copy and resource pages, pointing at the merchant links it
 * creates when no link with their slug exists yet. Does nothing when material exists already.
 */
export const DEMO_LINKS = [
  { slug: 'home', name: 'Northwind home page', destination: 'https://northwind.example/' },
  { slug: 'spring-sale', name: 'Spring sale: 20% off boots', destination: 'https://northwind.example/sale/spring' },
  { slug: 'boots', name: 'Hiking boots', destination: 'https://northwind.example/boots' },
] as const;

const GREEN: Rgb = [31, 111, 92];
const DARK: Rgb = [20, 59, 51];
const GOLD: Rgb = [242, 193, 78];
const WHITE: Rgb = [255, 255, 255];

type Paint = (x: number, y: number) => Rgb;
type Text = { text: string; scale: number; y: number; x?: number; color?: Rgb };

/** A Northwind banner: green with soft stripes, lines of text, a gold "shop now" button. */
function drawBanner(width: number, height: number, lines: Text[], button?: { x: number; y: number; w: number; h: number; scale: number }): Buffer {
  let paint: Paint = (x, y) => ((x + y) % 24 < 12 ? GREEN : [28, 102, 84]);
  const center = (t: Text) => t.x ?? Math.round((width - textWidth(t.text, t.scale)) / 2);
  for (const line of lines) paint = withText(paint, line.text, { x: center(line), y: line.y, scale: line.scale, color: line.color ?? WHITE });
  if (button) {
    const under = paint;
    const label = 'SHOP NOW';
    const inButton: Paint = (x, y) => (x >= button.x && x < button.x + button.w && y >= button.y && y < button.y + button.h ? GOLD : under(x, y));
    paint = withText(inButton, label, {
      x: button.x + Math.round((button.w - textWidth(label, button.scale)) / 2),
      y: button.y + Math.round((button.h - 7 * button.scale) / 2),
      scale: button.scale,
      color: DARK,
    });
  }
  return encodePng(width, height, paint);
}

const BANNERS = [
  {
    name: 'Spring sale leaderboard',
    alt: 'Northwind Outfitters spring sale: 20% off boots. Shop now.',
    link: 'spring-sale',
    png: () =>
      drawBanner(728, 90, [{ text: 'NORTHWIND OUTFITTERS', scale: 3, x: 24, y: 16 }, { text: 'SPRING SALE - 20% OFF BOOTS', scale: 2, x: 24, y: 56, color: GOLD }], { x: 560, y: 24, w: 144, h: 42, scale: 2 }),
  },
  {
    name: 'Boots rectangle',
    alt: 'Northwind Outfitters: 20% off hiking boots. Shop now.',
    link: 'boots',
    png: () =>
      drawBanner(300, 250, [{ text: 'NORTHWIND', scale: 4, y: 30 }, { text: 'OUTFITTERS', scale: 2, y: 70 }, { text: '20% OFF', scale: 5, y: 104, color: GOLD }, { text: 'HIKING BOOTS', scale: 2, y: 150 }], { x: 75, y: 185, w: 150, h: 40, scale: 2 }),
  },
  {
    name: 'Skyscraper',
    alt: 'Northwind Outfitters: gear for every trail, 20% off boots. Shop now.',
    link: 'home',
    png: () =>
      drawBanner(
        160,
        600,
        [{ text: 'NORTH', scale: 4, y: 40 }, { text: 'WIND', scale: 4, y: 80 }, { text: 'OUTFITTERS', scale: 2, y: 124 }, { text: '20%', scale: 6, y: 230, color: GOLD }, { text: 'OFF', scale: 6, y: 290, color: GOLD }, { text: 'BOOTS', scale: 3, y: 360 }],
        { x: 16, y: 500, w: 128, h: 44, scale: 2 },
      ),
  },
  {
    name: 'Mobile banner',
    alt: 'Northwind Outfitters: 20% off boots.',
    link: 'spring-sale',
    png: () => drawBanner(320, 50, [{ text: 'NORTHWIND - 20% OFF BOOTS', scale: 2, x: 12, y: 18 }]),
  },
] as const;

const EMAILS = [
  {
    name: 'Spring sale announcement',
    subject: '20% off hiking boots at Northwind Outfitters',
    body: `Hi there,

Northwind Outfitters just started their spring sale: 20% off every pair of hiking boots, this month only.

I have walked a thousand miles in mine. Have a look here:
{{link}}

Happy trails,
{{partner.name}}`,
    link: 'spring-sale',
  },
  {
    name: 'Personal recommendation',
    subject: 'The outdoor shop I trust',
    body: `Hi,

You asked where I buy my gear: it's Northwind Outfitters. Friendly people, free returns, and things that last.

{{link}}

{{partner.name}}`,
    link: 'home',
  },
  {
    name: 'Newsletter blurb',
    subject: 'Gear tip of the month',
    body: 'Gear tip of the month: good boots make the trail. Northwind Outfitters has 20% off hiking boots right now: {{link}} (partner code {{partner.code}}).',
    link: 'boots',
  },
] as const;

const pages = (logo: string) => [
  {
    title: 'Getting started',
    slug: 'getting-started',
    body: `Welcome to the Northwind partner program! Here is how it works.

# Share your links

Every link in **Your links** carries your partner code. When someone follows it and buys within the attribution window, the sale is yours.

- Copy a link and post it, mail it or put it in a video description.
- Add a **sub-id** such as \`newsletter\` or \`instagram\` to see which channel works best.
- Link straight to any product with a **custom link**.

# Use the material

Banners and email texts below already carry your link: copy them as they are.

> Tip: a QR code on a printed flyer works well for local clubs.`,
  },
  {
    title: 'Brand guidelines',
    slug: 'brand-guidelines',
    body: `![Northwind Outfitters](${logo})

# Our name

Write **Northwind Outfitters** (two words, both capitalised); *Northwind* on its own is fine after the first mention.

# Colours

| Colour | Hex |
| --- | --- |
| Forest green | \`#1F6F5C\` |
| Trail gold | \`#F2C14E\` |

# Please don't

1. Bid on our brand name in search ads.
2. Promise discounts we do not offer.
3. Change our banners.

Questions? Write to [partners@northwind.example](mailto:partners@northwind.example).`,
  },
  {
    title: 'FAQ',
    slug: 'faq',
    body: `# When am I paid?

Commissions become payable after the hold period and are paid monthly once your balance reaches the minimum payout.

# How long does a click count?

Thirty days, unless the program says otherwise. The last click before a sale decides.

# Can I buy through my own link?

No: sales to yourself earn nothing. Thank you for understanding!`,
  },
];

export async function seedResources(deps: Deps): Promise<void> {
  const { kysely } = deps.db;
  const existing = await kysely.selectFrom('banners').select('id').executeTakeFirst();
  const existingPage = await kysely.selectFrom('resource_pages').select('id').executeTakeFirst();
  if (existing || existingPage) return;

  const now = deps.clock();
  for (const link of DEMO_LINKS) {
    const found = await kysely.selectFrom('links').select('id').where('slug', '=', link.slug).executeTakeFirst();
    if (!found) {
      await kysely
        .insertInto('links')
        .values({ slug: link.slug, name: link.name, destination: link.destination, partner_id: null, sub: null, status: 'active', created_at: now, updated_at: now })
        .execute();
    }
  }

  const uploads: number[] = [];
  for (const [i, banner] of BANNERS.entries()) {
    const upload = await storeUpload(deps, banner.png(), 'image/png', '');
    uploads.push(upload.id);
    await createBanner(deps, { name: banner.name, alt: banner.alt, uploadId: upload.id, linkSlug: banner.link, sortOrder: i }, '');
  }
  for (const [i, email] of EMAILS.entries()) {
    await createEmail(deps, { name: email.name, subject: email.subject, body: email.body, linkSlug: email.link, sortOrder: i });
  }
  for (const [i, page] of pages(`/uploads/${uploads[3]}`).entries()) {
    await createPage(deps, { ...page, sortOrder: i });
  }
}
