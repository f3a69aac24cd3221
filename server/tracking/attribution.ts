import type { Deps } from '../deps.js';
import type { PartnerRow } from '../db/schema.js';
import { DAY_MS } from '../shared/time.js';
import { loadActivePrograms, type EngineProgram } from '../catalog/programs.js';
import { asRunner, kyselyRunner, type Runner } from '../db/runner.js';
import type { Executor } from '../db/executor.js';
import type { Settings } from '../catalog/settings.js';
import { couponPartner } from '../integrations/coupons.js';
import { prepare } from '../db/prepared.js';

/**
 * Who gets credit for a sale or lead, and under which programs. In order:
 *  1. a subscription payment after the first: the partner of the subscription's first sale;
 *  2. `clickId`: the click's partner if a program's window still covers the click — or, when the
 *     same browser clicked another link first within the window and that partner's deciding
 *     program is first-click, the first click's partner;
 *  3. `partnerCode`: that partner (a form field, the Stripe metadata);
 *  4. `couponCode`: the partner the merchant gave that coupon code (any case; answered as
 *     `partner_code` attribution);
 *  5. the customer's email is a lead of a partner: that partner.
 * Only active partners are credited. The programs are the partner's active enrolments (limited
 * to the click's link's programs when the link is limited), highest priority first; for click
 * attribution, only programs whose window covers the click.
 */
export type Attribution = 'last_click' | 'first_click' | 'partner_code' | 'lead_email';

export interface ClickFacts {
  id: number;
  key: string;
  at: number;
  sub: string | null;
  linkId: number;
  linkSlug: string;
  linkName: string;
}

export interface Credit {
  partner: PartnerRow;
  programs: EngineProgram[];
  attribution: Attribution;
  click: ClickFacts | null;
  leadId: number | null;
  sub: string | null;
}

export type NotAttributed = 'unknown_click' | 'click_expired' | 'unknown_partner' | 'unknown_coupon' | 'partner_inactive' | 'no_referral';

export type CreditResult = { credit: Credit } | { credit: null; reason: NotAttributed };

export interface CreditQuery {
  clickId?: string | null;
  partnerCode?: string | null;
  /** a coupon / promotion code the merchant gave a partner */
  couponCode?: string | null;
  email?: string | null;
  /** a subscription payment: the first sale of the subscription decides */
  subscriptionId?: string | null;
  /** leads never credit leads */
  allowLead?: boolean;
  now: number;
}

const clickColumns = ['clicks.id', 'clicks.click_key', 'clicks.at', 'clicks.sub', 'clicks.partner_id', 'clicks.first_click_id', 'links.id as link_id', 'links.slug', 'links.name'] as const;
const clickByKey = prepare((db, p: { key: string }) => db.selectFrom('clicks').innerJoin('links', 'links.id', 'clicks.link_id').select(clickColumns).where('clicks.click_key', '=', p.key));
const clickById = prepare((db, p: { id: number }) => db.selectFrom('clicks').innerJoin('links', 'links.id', 'clicks.link_id').select(clickColumns).where('clicks.id', '=', p.id));
const partnerRow = prepare((db, p: { id: number }) => db.selectFrom('partners').selectAll().where('id', '=', p.id));
const partnerByCode = prepare((db, p: { code: string }) => db.selectFrom('partners').selectAll().where('code', '=', p.code));
/** The lead with this email (a sale's customer, or the email attribution looks for). */
export const leadByEmail = prepare((db, p: { email: string }) => db.selectFrom('leads').selectAll().where('email', '=', p.email));
const enrolledIn = prepare((db, p: { partnerId: number }) => db.selectFrom('enrollments').select('program_id').where('partner_id', '=', p.partnerId));
const linkPrograms = prepare((db, p: { linkId: number }) => db.selectFrom('resource_programs').select('program_id').where('kind', '=', 'link').where('resource_id', '=', p.linkId));

async function clickFacts(run: Runner, where: { key: string } | { id: number }) {
  const row = await run.first('key' in where ? clickByKey(run.db, where) : clickById(run.db, where));
  if (!row) return undefined;
  const facts: ClickFacts = { id: row.id, key: row.click_key, at: row.at, sub: row.sub, linkId: row.link_id, linkSlug: row.slug, linkName: row.name };
  return { facts, partnerId: row.partner_id, firstClickId: row.first_click_id };
}

async function partnerById(run: Runner, id: number | null) {
  return id === null ? undefined : run.first(partnerRow(run.db, { id }));
}

/** The partner's active programs, limited to the link's programs when it has any. */
export async function programsOf(db: Runner | Executor, partnerId: number, linkId: number | null): Promise<EngineProgram[]> {
  const run = asRunner(db);
  const enrolled = (await run.all(enrolledIn(run.db, { partnerId }))).map((r) => r.program_id);
  let ids = enrolled;
  if (linkId !== null) {
    const limited = (await run.all(linkPrograms(run.db, { linkId }))).map((r) => r.program_id);
    if (limited.length) ids = enrolled.filter((id) => limited.includes(id));
  }
  return loadActivePrograms(run, ids);
}

export const windowDaysOf = (program: EngineProgram, settings: Settings) => program.row.attribution_window_days ?? settings.attributionWindowDays;

/** A click as evidence: its partner (if active) and the programs whose window still covers it. */
async function weigh(db: Runner, settings: Settings, click: NonNullable<Awaited<ReturnType<typeof clickFacts>>>, now: number) {
  const partner = await partnerById(db, click.partnerId);
  if (!partner || partner.status !== 'active') return { partner: undefined, programs: [], inWindow: false };
  const age = now - click.facts.at;
  const all = await programsOf(db, partner.id, click.facts.linkId);
  const programs = all.filter((p) => age <= windowDaysOf(p, settings) * DAY_MS);
  const inWindow = all.length ? programs.length > 0 : age <= settings.attributionWindowDays * DAY_MS;
  return { partner, programs, inWindow };
}

async function byClick(db: Runner, settings: Settings, key: string, now: number): Promise<CreditResult> {
  const last = await clickFacts(db, { key });
  if (!last) return { credit: null, reason: 'unknown_click' };
  const head = last.firstClickId !== null ? await clickFacts(db, { id: last.firstClickId }) : undefined;
  if (head) {
    const first = await weigh(db, settings, head, now);
    if (first.partner && first.inWindow && first.programs[0]?.row.attribution_model === 'first_click') {
      return { credit: { partner: first.partner, programs: first.programs, attribution: 'first_click', click: head.facts, leadId: null, sub: head.facts.sub } };
    }
  }
  const latest = await weigh(db, settings, last, now);
  if (!latest.partner) return { credit: null, reason: 'partner_inactive' };
  if (!latest.inWindow) return { credit: null, reason: 'click_expired' };
  const attribution: Attribution = !head && latest.programs[0]?.row.attribution_model === 'first_click' ? 'first_click' : 'last_click';
  return { credit: { partner: latest.partner, programs: latest.programs, attribution, click: last.facts, leadId: null, sub: last.facts.sub } };
}

/**
 * Finds who earns on a sale or lead; see the rules above. Reads only, through `db` (a runner of
 * the write transaction; by default the database outside any transaction).
 */
export async function findCredit(deps: Deps, settings: Settings, query: CreditQuery, db: Runner = kyselyRunner(deps.db.kysely)): Promise<CreditResult> {
  let reason: NotAttributed = 'no_referral';

  if (query.clickId) {
    const result = await byClick(db, settings, query.clickId, query.now);
    if (result.credit) return result;
    reason = result.reason;
  }
  if (query.partnerCode) {
    const partner = await db.first(partnerByCode(db.db, { code: query.partnerCode }));
    if (partner && partner.status === 'active') {
      return { credit: { partner, programs: await programsOf(db, partner.id, null), attribution: 'partner_code', click: null, leadId: null, sub: null } };
    }
    if (reason === 'no_referral') reason = partner ? 'partner_inactive' : 'unknown_partner';
  }
  if (query.couponCode) {
    const partner = await couponPartner(db.db, query.couponCode);
    if (partner && partner.status === 'active') {
      return { credit: { partner, programs: await programsOf(db, partner.id, null), attribution: 'partner_code', click: null, leadId: null, sub: null } };
    }
    if (reason === 'no_referral') reason = partner ? 'partner_inactive' : 'unknown_coupon';
  }
  if (query.email && query.allowLead !== false) {
    const lead = await db.first(leadByEmail(db.db, { email: query.email }));
    if (lead) {
      const partner = await partnerById(db, lead.partner_id);
      if (partner && partner.status === 'active') {
        const click = lead.click_id !== null ? await clickFacts(db, { id: lead.click_id }) : undefined;
        return {
          credit: {
            partner,
            programs: await programsOf(db, partner.id, click?.facts.linkId ?? null),
            attribution: 'lead_email',
            click: click?.facts ?? null,
            leadId: lead.id,
            sub: lead.sub,
          },
        };
      }
      if (reason === 'no_referral') reason = 'partner_inactive';
    }
  }
  return { credit: null, reason };
}

/** The credit of a subscription's first attributed sale, for its later payments (no window applies). */
export async function subscriptionCredit(
  deps: Deps,
  subscriptionId: string,
  db: Runner = kyselyRunner(deps.db.kysely),
): Promise<(Credit & { firstOrderId: string }) | undefined> {
  const first = await db.first(
    db.db
      .selectFrom('sales')
      .select(['order_id', 'partner_id', 'click_id', 'lead_id', 'sub', 'response'])
      .where('subscription_id', '=', subscriptionId)
      .where('partner_id', 'is not', null)
      .orderBy('at')
      .orderBy('id')
      .limit(1),
  );
  if (!first) return undefined;
  const partner = await partnerById(db, first.partner_id);
  if (!partner || partner.status !== 'active') return undefined;
  const click = first.click_id !== null ? await clickFacts(db, { id: first.click_id }) : undefined;
  let attribution: Attribution = click ? 'last_click' : first.lead_id !== null ? 'lead_email' : 'partner_code';
  try {
    const answered = JSON.parse(first.response) as { attribution?: Attribution | null };
    if (answered.attribution) attribution = answered.attribution;
  } catch {
    // keep the reconstruction
  }
  return {
    partner,
    programs: await programsOf(db, partner.id, click?.facts.linkId ?? null),
    attribution,
    click: click?.facts ?? null,
    leadId: first.lead_id,
    sub: first.sub,
    firstOrderId: first.order_id,
  };
}
