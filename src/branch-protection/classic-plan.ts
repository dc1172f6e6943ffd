import { desiredChecks, sameChecks } from './desired-checks.js';
import { isAccepted, type AcceptedNames } from './names.js';
import type { CheckRunSeen, ClassicProtection, PrincipalLists, RequiredCheck } from './types.js';

/** The body of PUT /repos/{o}/{r}/branches/{b}/protection, which replaces the whole protection. */
export interface ClassicProtectionBody {
  readonly required_status_checks: {
    readonly strict: boolean;
    /** Deprecated by GitHub but required by its schema: the same names as `checks`. */
    readonly contexts: readonly string[];
    /** app_id -1 keeps a check open to any app; omitting it would let GitHub pin it to the last app that posted it. */
    readonly checks: readonly { readonly context: string; readonly app_id: number }[];
  } | null;
  readonly enforce_admins: boolean | null;
  readonly required_pull_request_reviews: {
    readonly dismissal_restrictions?: NameLists;
    readonly dismiss_stale_reviews: boolean;
    readonly require_code_owner_reviews: boolean;
    readonly required_approving_review_count: number;
    readonly require_last_push_approval: boolean;
    readonly bypass_pull_request_allowances?: NameLists;
  } | null;
  readonly restrictions: NameLists | null;
  readonly required_linear_history: boolean;
  readonly allow_force_pushes: boolean;
  readonly allow_deletions: boolean;
  readonly block_creations: boolean;
  readonly required_conversation_resolution: boolean;
  readonly lock_branch: boolean;
  readonly allow_fork_syncing: boolean;
}

export interface NameLists {
  readonly users: readonly string[];
  readonly teams: readonly string[];
  readonly apps: readonly string[];
}

export const ANY_APP = -1;

function names(lists: PrincipalLists): NameLists {
  return {
    users: (lists.users ?? []).map((user) => user.login ?? '').filter((login) => login !== ''),
    teams: (lists.teams ?? []).map((team) => team.slug ?? '').filter((slug) => slug !== ''),
    apps: (lists.apps ?? []).map((app) => app.slug ?? '').filter((slug) => slug !== ''),
  };
}

export function classicChecks(protection: ClassicProtection | 'not-protected'): RequiredCheck[] {
  if (protection === 'not-protected') return [];
  const status = protection.required_status_checks;
  if (status === undefined) return [];
  if (status.checks !== undefined) return status.checks.map((check) => ({ context: check.context, appId: check.app_id ?? undefined }));
  return (status.contexts ?? []).map((context) => ({ context, appId: undefined }));
}

/**
 * The PUT body that states a protection exactly as GET returned it, with the required checks
 * given. Required signatures are not part of this body: GitHub keeps them as they are.
 */
export function classicBody(protection: ClassicProtection | 'not-protected', checks: readonly RequiredCheck[]): ClassicProtectionBody {
  const current = protection === 'not-protected' ? {} : protection;
  const reviews = current.required_pull_request_reviews;
  const enabled = (setting: { readonly enabled?: boolean } | undefined) => setting?.enabled === true;
  return {
    required_status_checks:
      current.required_status_checks === undefined && checks.length === 0
        ? null
        : {
            strict: current.required_status_checks?.strict ?? false,
            contexts: checks.map((check) => check.context),
            checks: checks.map((check) => ({ context: check.context, app_id: check.appId ?? ANY_APP })),
          },
    enforce_admins: current.enforce_admins === undefined ? null : enabled(current.enforce_admins),
    required_pull_request_reviews:
      reviews === undefined
        ? null
        : {
            ...(reviews.dismissal_restrictions !== undefined ? { dismissal_restrictions: names(reviews.dismissal_restrictions) } : {}),
            dismiss_stale_reviews: reviews.dismiss_stale_reviews ?? false,
            require_code_owner_reviews: reviews.require_code_owner_reviews ?? false,
            required_approving_review_count: reviews.required_approving_review_count ?? 0,
            require_last_push_approval: reviews.require_last_push_approval ?? false,
            ...(reviews.bypass_pull_request_allowances !== undefined ? { bypass_pull_request_allowances: names(reviews.bypass_pull_request_allowances) } : {}),
          },
    restrictions: current.restrictions === undefined ? null : names(current.restrictions),
    required_linear_history: enabled(current.required_linear_history),
    allow_force_pushes: enabled(current.allow_force_pushes),
    allow_deletions: enabled(current.allow_deletions),
    block_creations: enabled(current.block_creations),
    required_conversation_resolution: enabled(current.required_conversation_resolution),
    lock_branch: enabled(current.lock_branch),
    allow_fork_syncing: enabled(current.allow_fork_syncing),
  };
}

export type ClassicPlan =
  | { readonly kind: 'unchanged'; readonly checks: readonly RequiredCheck[] }
  | {
      readonly kind: 'change';
      readonly before: readonly RequiredCheck[];
      readonly after: readonly RequiredCheck[];
      readonly body: ClassicProtectionBody;
      readonly creates: boolean;
    };

/** What apply sends to classic protection: every setting as read, our check required and pinned. */
export function planClassic(
  protection: ClassicProtection | 'not-protected',
  accepted: AcceptedNames,
  runs: readonly CheckRunSeen[],
  emittedName: string,
): ClassicPlan {
  const before = classicChecks(protection);
  const after = desiredChecks(before, accepted, runs, emittedName);
  if (sameChecks(before, after)) return { kind: 'unchanged', checks: before };
  return { kind: 'change', before, after, body: classicBody(protection, after), creates: protection === 'not-protected' };
}

/**
 * Everything apply must not change, in a canonical form: the whole protection except our own
 * required checks. Equal before and after apply means every other setting was kept.
 */
export function classicSettingsOutsideOurs(protection: ClassicProtection | 'not-protected', accepted: AcceptedNames): string {
  const foreign = classicChecks(protection).filter((check) => !isAccepted(check.context, accepted));
  const body = classicBody(protection, foreign);
  const status = body.required_status_checks ?? { strict: false, contexts: [], checks: [] };
  // GitHub reads back an unset enforce_admins as false.
  return canonical({ ...body, required_status_checks: status, enforce_admins: body.enforce_admins ?? false });
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}
