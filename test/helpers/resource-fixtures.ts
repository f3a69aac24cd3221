import type { Deps } from '../../server/deps.js';
import { encodePng } from '../../server/demo/png.js';

/**
 * Small kysely fixtures for programs, enrollments, links and clicks, until the engine's own
 * admin API and redirect are in this tree.
 */
export const ADMIN_KEY = 'test-admin-key-0123456789abcdef';

export async function addProgram(deps: Deps, name = 'Main program'): Promise<number> {
  const now = deps.clock();
  const row = await deps.db.kysely
    .insertInto('programs')
    .values({ name, description: '', priority: 0, sale_commission_type: 'percent', sale_commission_value: 1000, lead_commission: null, recurring_mode: 'every', recurring_payments: null, second_tier_type: null, second_tier_value: null, attribution_window_days: null, attribution_model: 'last_click', hold_days: null, status: 'active', created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function enroll(deps: Deps, partnerId: number, programId: number) {
  await deps.db.kysely.insertInto('enrollments').values({ partner_id: partnerId, program_id: programId, created_at: deps.clock() }).execute();
}

export async function addLink(
  deps: Deps,
  link: { slug: string; destination?: string; name?: string; partnerId?: number | null; sub?: string | null; status?: 'active' | 'disabled' },
): Promise<number> {
  const now = deps.clock();
  const row = await deps.db.kysely
    .insertInto('links')
    .values({
      slug: link.slug,
      name: link.name ?? `Link ${link.slug}`,
      destination: link.destination ?? `https://shop.example.com/${link.slug}`,
      partner_id: link.partnerId ?? null,
      sub: link.sub ?? null,
      status: link.status ?? 'active',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function scopeTo(deps: Deps, kind: 'link' | 'banner' | 'email' | 'page', resourceId: number, programId: number) {
  await deps.db.kysely.insertInto('resource_programs').values({ kind, resource_id: resourceId, program_id: programId }).execute();
}

let clickSeq = 0;
/** Records `count` clicks the way the redirect would. */
export async function addClicks(deps: Deps, click: { linkId: number; partnerId: number | null; count?: number; sub?: string }) {
  for (let i = 0; i < (click.count ?? 1); i++) {
    await deps.db.kysely
      .insertInto('clicks')
      .values({ click_key: `ck_${++clickSeq}_${Math.random().toString(36).slice(2)}`, link_id: click.linkId, partner_id: click.partnerId, at: deps.clock(), ip_hash: 'h', user_agent: null, referrer: null, sub: click.sub ?? null })
      .execute();
  }
}

/** A real PNG of the given size. */
export const png = (width: number, height: number) => encodePng(width, height, (x, y) => [(x * 7) % 256, (y * 5) % 256, 120]);
