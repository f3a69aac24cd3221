import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createBanner, listBanners } from '../resources/banners.js';
import { createEmail, listEmails } from '../resources/email-copy.js';
import { createPage, listPages } from '../resources/resource-pages.js';
import { storeUpload } from '../resources/uploads.js';
import { publicOrigin, UsageError, withDeps, type Command } from './command.js';

/** `banner`, `email` and `page` add|list: the merchant's promotional material from the shell. */

const int = (value: string | undefined, flag: string) => {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw new UsageError(`--${flag} must be a whole number, not "${value}"`);
  return Number(value);
};

const ids = (value: string | undefined) =>
  value === undefined
    ? undefined
    : value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
        .map((v) => {
          if (!/^\d+$/.test(v)) throw new UsageError(`--programs takes program ids like 1,2 ("${v}" is not one)`);
          return Number(v);
        });

/** `--link home` (a slug) or `--link 3` (an id). */
const linkRef = (value: string | undefined) =>
  value === undefined ? {} : /^\d+$/.test(value) ? { linkId: Number(value) } : { linkSlug: value };

function required(values: Record<string, unknown>, ...flags: string[]) {
  for (const flag of flags) if (values[flag] === undefined) throw new UsageError(`--${flag} is required`);
}

function textOrFile(values: Record<string, string | boolean | undefined>, name: string): string | undefined {
  const inline = values[name] as string | undefined;
  const file = values[`${name}-file`] as string | undefined;
  if (inline !== undefined && file !== undefined) throw new UsageError(`give --${name} or --${name}-file, not both`);
  if (file !== undefined) {
    try {
      return readFileSync(file, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
    }
  }
  return inline;
}

const common = { db: { type: 'string' }, programs: { type: 'string' }, order: { type: 'string' } } as const;
const table = (rows: string[][]) => {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
};
const scope = (programIds: number[]) => (programIds.length ? programIds.join(',') : 'all');

export const resourceCommands: Record<string, Command> = {
  'banner add': {
    summary: 'Add a banner (an image URL or a local PNG/JPEG/GIF/WebP file) pointing at a merchant link',
    usage: `partner-center banner add --name <text> (--image-url <https://…> | --image-file <path>) --alt <text> --link <slug|id>
                           [--width <px> --height <px>] [--programs 1,2] [--order <n>] [--db file]
  --image-file stores the image in the database (checked by its bytes, at most 2 MB; no SVG);
  width and height default to the image's own size then.`,
    async run(args) {
      const { values } = parseArgs({
        args,
        strict: true,
        options: { ...common, name: { type: 'string' }, 'image-url': { type: 'string' }, 'image-file': { type: 'string' }, alt: { type: 'string' }, link: { type: 'string' }, width: { type: 'string' }, height: { type: 'string' } },
      });
      required(values, 'name', 'alt', 'link');
      if ((values['image-url'] === undefined) === (values['image-file'] === undefined)) throw new UsageError('give --image-url or --image-file (one of them)');
      let bytes: Buffer | undefined;
      if (values['image-file'] !== undefined) {
        try {
          bytes = readFileSync(values['image-file']);
        } catch (error) {
          throw new UsageError(`cannot read ${values['image-file']}: ${(error as Error).message}`);
        }
      }
      await withDeps(values.db, async (deps) => {
        const base = publicOrigin(deps);
        const upload = bytes ? await storeUpload(deps, bytes, undefined, base) : undefined;
        const banner = await createBanner(
          deps,
          {
            name: values.name!,
            alt: values.alt!,
            ...(upload ? { uploadId: upload.id } : { imageUrl: values['image-url'] }),
            width: int(values.width, 'width'),
            height: int(values.height, 'height'),
            ...linkRef(values.link),
            sortOrder: int(values.order, 'order'),
            programIds: ids(values.programs),
          },
          base,
        );
        console.log(`Added banner ${banner.id} "${banner.name}" (${banner.width}×${banner.height}) → link ${banner.linkSlug}; programs: ${scope(banner.programIds)}`);
      });
    },
  },
  'banner list': {
    summary: 'List banners',
    usage: 'partner-center banner list [--db file]',
    async run(args) {
      const { values } = parseArgs({ args, strict: true, options: { db: { type: 'string' } } });
      await withDeps(values.db, async (deps) => {
        const banners = await listBanners(deps, publicOrigin(deps));
        if (!banners.length) return console.log('No banners yet. Add one with "partner-center banner add".');
        console.log(table([['id', 'name', 'size', 'link', 'status', 'programs', 'image'], ...banners.map((b) => [String(b.id), b.name, `${b.width}×${b.height}`, b.linkSlug, b.status, scope(b.programIds), b.imageSrc])]));
      });
    },
  },
  'email add': {
    summary: 'Add email copy ({{link}}, {{partner.name}}, {{partner.code}} are filled in for each partner)',
    usage: `partner-center email add --name <text> --subject <text> (--body <text> | --body-file <path>) [--link <slug|id>]
                          [--programs 1,2] [--order <n>] [--db file]
  --link is required when the subject or body uses {{link}}.`,
    async run(args) {
      const { values } = parseArgs({
        args,
        strict: true,
        options: { ...common, name: { type: 'string' }, subject: { type: 'string' }, body: { type: 'string' }, 'body-file': { type: 'string' }, link: { type: 'string' } },
      });
      const body = textOrFile(values, 'body');
      required({ ...values, body }, 'name', 'subject', 'body');
      await withDeps(values.db, async (deps) => {
        const email = await createEmail(deps, {
          name: values.name!,
          subject: values.subject!,
          body: body!,
          ...linkRef(values.link),
          sortOrder: int(values.order, 'order'),
          programIds: ids(values.programs),
        });
        console.log(`Added email ${email.id} "${email.name}"${email.linkSlug ? ` → link ${email.linkSlug}` : ''}; programs: ${scope(email.programIds)}`);
      });
    },
  },
  'email list': {
    summary: 'List email copy',
    usage: 'partner-center email list [--db file]',
    async run(args) {
      const { values } = parseArgs({ args, strict: true, options: { db: { type: 'string' } } });
      await withDeps(values.db, async (deps) => {
        const emails = await listEmails(deps);
        if (!emails.length) return console.log('No email copy yet. Add some with "partner-center email add".');
        console.log(table([['id', 'name', 'subject', 'link', 'status', 'programs'], ...emails.map((e) => [String(e.id), e.name, e.subject, e.linkSlug ?? '-', e.status, scope(e.programIds)])]));
      });
    },
  },
  'page add': {
    summary: 'Add a resource page (markdown)',
    usage: 'partner-center page add --title <text> [--slug <slug>] (--body <markdown> | --body-file <path.md>) [--order <n>] [--programs 1,2] [--db file]',
    async run(args) {
      const { values } = parseArgs({
        args,
        strict: true,
        options: { ...common, title: { type: 'string' }, slug: { type: 'string' }, body: { type: 'string' }, 'body-file': { type: 'string' } },
      });
      const body = textOrFile(values, 'body');
      required({ ...values, body }, 'title', 'body');
      await withDeps(values.db, async (deps) => {
        const page = await createPage(deps, { title: values.title!, slug: values.slug, body: body!, sortOrder: int(values.order, 'order'), programIds: ids(values.programs) });
        console.log(`Added page ${page.id} "${page.title}" (slug ${page.slug}); programs: ${scope(page.programIds)}`);
      });
    },
  },
  'page list': {
    summary: 'List resource pages',
    usage: 'partner-center page list [--db file]',
    async run(args) {
      const { values } = parseArgs({ args, strict: true, options: { db: { type: 'string' } } });
      await withDeps(values.db, async (deps) => {
        const pages = await listPages(deps);
        if (!pages.length) return console.log('No resource pages yet. Add one with "partner-center page add".');
        console.log(table([['id', 'order', 'slug', 'title', 'status', 'programs'], ...pages.map((p) => [String(p.id), String(p.sortOrder), p.slug, p.title, p.status, scope(p.programIds)])]));
      });
    },
  },
};
