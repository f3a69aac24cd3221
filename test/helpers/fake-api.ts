import { ApiError } from '../../src/api/errors.js';
import type { Credentials, LoginResult, Partner, PartnerApi, PartnerProgram, Portal, ProfilePatch, RequestOptions, SignupRequest, SignupResult } from '../../src/api/types.js';

/**
 * A stand-in for the partner API, for element tests and Storybook stories: no server, answers
 * chosen per scenario, every call recorded.
 */
export interface FakeApiOptions {
  /** How sign-in answers: `pending` never settles (the busy state). */
  login?: 'ok' | 'invalid' | 'locked' | 'disabled' | 'network' | 'pending';
  /** Seconds of lockout for `login: 'locked'`. */
  retryAfter?: number;
  partner?: Partner;
  /** Milliseconds every answer waits. */
  delay?: number;
  /** Make any method fail with this error, or never settle ('pending': the loading state). */
  fail?: Partial<Record<Exclude<keyof PartnerApi, 'login'>, ApiError | 'pending'>>;
  programs?: PartnerProgram[];
  portal?: Partial<Portal>;
  /** How sign-up answers: pending approval (default) or active and signed in. */
  signup?: 'pending' | 'active';
}

export const serverError = () => new ApiError(500, 'internal_error', 'Something went wrong on the server');

export const samplePrograms: PartnerProgram[] = [
  {
    id: 2,
    name: 'Outdoor Pro',
    description: 'For creators and guides who send us serious hikers. Higher rates on tents and packs.',
    priority: 10,
    currency: 'USD',
    saleCommission: { type: 'percent', value: 1200 },
    productRates: [
      { productId: 'TENT-2P', type: 'percent', value: 1500 },
      { productId: 'GIFT-CARD', type: 'flat', value: 200 },
    ],
    leadCommission: 150,
    recurring: { mode: 'first_n', payments: 3 },
    secondTier: { type: 'percent', value: 200 },
    attributionWindowDays: 60,
    attributionModel: 'last_click',
    holdDays: 30,
    enrolledAt: '2026-01-05T09:30:00.000Z',
  },
  {
    id: 1,
    name: 'Friends of Northwind',
    description: 'Our everyday referral program: share your link, earn on every order.',
    priority: 1,
    currency: 'USD',
    saleCommission: { type: 'flat', value: 1000 },
    productRates: [],
    leadCommission: null,
    recurring: { mode: 'none', payments: null },
    secondTier: null,
    attributionWindowDays: 30,
    attributionModel: 'first_click',
    holdDays: 14,
    enrolledAt: '2026-01-05T09:30:00.000Z',
  },
];

export const demoPartner: Partner = {
  code: 'demo',
  name: 'Dana Demo',
  email: 'dana.demo@example.com',
  status: 'active',
  createdAt: '2026-01-05T09:30:00.000Z',
};

export interface FakeApi extends PartnerApi {
  calls: { method: string; args: unknown[] }[];
}

const never = <T>() => new Promise<T>(() => {});

export function fakeApi(options: FakeApiOptions = {}): FakeApi {
  const partner = options.partner ?? demoPartner;
  const calls: FakeApi['calls'] = [];
  let current = { ...partner };
  const answer = async <T>(method: string, args: unknown[], produce: () => T | Promise<T>): Promise<T> => {
    calls.push({ method, args });
    if (options.delay) await new Promise((r) => setTimeout(r, options.delay));
    const failure = options.fail?.[method as keyof NonNullable<FakeApiOptions['fail']>];
    if (failure === 'pending') return never<T>();
    if (failure) throw failure;
    return produce();
  };
  return {
    calls,
    login(credentials: Credentials, _o?: RequestOptions) {
      return answer<LoginResult>('login', [credentials], () => {
        switch (options.login ?? 'ok') {
          case 'invalid':
            throw new ApiError(401, 'invalid_credentials', 'The partner code or password is incorrect');
          case 'locked': {
            const seconds = options.retryAfter ?? 900;
            throw new ApiError(429, 'too_many_attempts', `Too many failed sign-in attempts. Try again in ${Math.ceil(seconds / 60)} minutes.`, undefined, seconds);
          }
          case 'disabled':
            throw new ApiError(403, 'account_disabled', 'This partner account is disabled. Please contact the program manager.');
          case 'network':
            throw new ApiError(0, 'network_error', 'The partner server could not be reached. Check your connection and try again.');
          case 'pending':
            return never<LoginResult>();
          default:
            return { token: 'pc_fake-token', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), partner: { ...partner, code: credentials.code || partner.code } };
        }
      });
    },
    signup(request: SignupRequest) {
      return answer<SignupResult>('signup', [request], () => {
        const created = { ...partner, code: request.code, name: request.name, email: request.email };
        return options.signup === 'active'
          ? { partner: { ...created, status: 'active' }, status: 'active', message: 'Welcome aboard! You are signed in.', token: 'pc_new', expiresAt: new Date(Date.now() + 3_600_000).toISOString() }
          : { partner: { ...created, status: 'pending' }, status: 'pending', message: 'Thanks for signing up! The program manager will review your application and email you.' };
      });
    },
    exchangeEmbedToken(embedToken: string) {
      return answer<LoginResult>('exchangeEmbedToken', [embedToken], () => ({
        token: 'pc_from-embed',
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        partner,
      }));
    },
    logout() {
      return answer('logout', [], () => undefined);
    },
    me() {
      return answer('me', [], () => current);
    },
    updateProfile(patch: ProfilePatch) {
      return answer('updateProfile', [patch], () => (current = { ...current, ...patch }));
    },
    changePassword(change: { currentPassword: string; newPassword: string }) {
      return answer('changePassword', [change], () => {
        if (change.currentPassword !== 'demo-password') throw new ApiError(400, 'wrong_password', 'The current password is not correct', 'currentPassword');
      });
    },
    programs() {
      return answer('programs', [], () => options.programs ?? samplePrograms);
    },
    portal() {
      return answer('portal', [], () => ({
        merchantName: 'Northwind Outfitters',
        currency: 'USD',
        minimumPayout: 5000,
        menus: { welcome: true, profile: true, programs: true, commissions: true },
        ...options.portal,
      }));
    },
  };
}
