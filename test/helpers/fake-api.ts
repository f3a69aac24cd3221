import { ApiError } from '../../src/api/errors.js';
import type { Credentials, LoginResult, Partner, PartnerApi, RequestOptions } from '../../src/api/types.js';

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
}

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
  const answer = async <T>(method: string, args: unknown[], produce: () => T | Promise<T>): Promise<T> => {
    calls.push({ method, args });
    if (options.delay) await new Promise((r) => setTimeout(r, options.delay));
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
    logout() {
      return answer('logout', [], () => undefined);
    },
    me() {
      return answer('me', [], () => partner);
    },
  };
}
