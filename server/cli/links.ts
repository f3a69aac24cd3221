import { createLink, listLinks } from '../catalog/links.js';
import { defineCommand, publicOrigin, withDeps, type Command } from './command.js';
import { required, wholeNumber } from './options.js';
import { table } from './table.js';

/** `link add|list`: the merchant's redirect links every partner can share. */

export const linkCommands: Record<string, Command> = {
  'link add': defineCommand('link add', {
    summary: 'Create a redirect link every partner can share',
    synopsis: '--slug <slug> --name <name> --destination <url> [--program <id>…] [--db file]',
    width: 21,
    options: {
      slug: { type: 'string', value: '<slug>', help: 'the last part of /r/<code>/<slug>' },
      name: { type: 'string', value: '<name>', help: 'what partners see' },
      destination: { type: 'string', value: '<url>', help: 'where the link leads (https://…)' },
      program: { type: 'string', multiple: true, value: '<id>', help: 'limit the link to a program, repeatable (default: every program)' },
    },
    async run({ values }) {
      await withDeps(values.db, async (deps) => {
        const origin = publicOrigin(deps);
        const link = await createLink(
          deps,
          {
            slug: required(values.slug, '--slug'),
            name: required(values.name, '--name'),
            destination: required(values.destination, '--destination'),
            programIds: (values.program ?? []).map((id) => wholeNumber(id, '--program', 1)!),
          },
          origin,
        );
        console.log(`Link ${link.id} "${link.slug}" → ${link.destination}\nPartners share: ${origin}/r/<their code>/${link.slug}`);
      });
    },
  }),

  'link list': defineCommand('link list', {
    summary: 'List redirect links',
    synopsis: '[--db file]',
    width: 18,
    options: {},
    async run({ values }) {
      await withDeps(values.db, async (deps) => {
        const links = await listLinks(deps, publicOrigin(deps), { partnerId: null, limit: 500 });
        if (!links.length) return console.log('No links yet. Create one with "partner-center link add".');
        console.log(table([['ID', 'SLUG', 'NAME', 'STATUS', 'DESTINATION'], ...links.map((l) => [String(l.id), l.slug, l.name, l.status, l.destination])]));
      });
    },
  }),
};
