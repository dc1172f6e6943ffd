/** GitHub Actions' app id: a requirement pinned to it cannot be met by another app's status. */
export const GITHUB_ACTIONS_APP_ID = 15368;

/** A required status check: its context and the app it is pinned to (undefined: any app). */
export interface RequiredCheck {
  readonly context: string;
  readonly appId: number | undefined;
}

/** A required_status_checks rule as GET /repos/{o}/{r}/rules/branches/{b} returns it (active rulesets only). */
export interface RulesetCheckRule {
  readonly rulesetId: number;
  readonly rulesetSource: string | undefined;
  readonly rulesetSourceType: string | undefined;
  readonly strict: boolean;
  readonly checks: readonly RequiredCheck[];
}

export interface BypassActor {
  readonly actorType: string;
  readonly actorId: number | undefined;
  readonly bypassMode: string | undefined;
}

export interface RefConditions {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

/** One ruleset as GET /repos/{o}/{r}/rulesets/{id} returns it, reduced to what the gate reads. */
export interface RulesetDetail {
  readonly id: number;
  readonly name: string;
  readonly enforcement: string;
  readonly target: string | undefined;
  readonly sourceType: string | undefined;
  readonly source: string;
  /** Undefined: GitHub shows bypass actors only to tokens with write access to the ruleset. */
  readonly bypassActors: readonly BypassActor[] | undefined;
  /** ref_name conditions; undefined when the ruleset has none (or only org-level ones). */
  readonly refConditions: RefConditions | undefined;
  readonly requiredChecks: readonly RequiredCheck[];
  readonly strict: boolean;
  /** The ruleset's rules as GitHub returned them, kept whole for an update of our own ruleset. */
  readonly rules: readonly Readonly<Record<string, unknown>>[];
}

/** A ruleset as listed by GET /repos/{o}/{r}/rulesets (no rules, no conditions). */
export interface RulesetSummary {
  readonly id: number;
  readonly name: string;
  readonly enforcement: string;
  readonly sourceType: string | undefined;
  readonly source: string;
}

/** The protection summary of GET /repos/{o}/{r}/branches/{b}, readable with read access. */
export interface BranchSummary {
  readonly name: string;
  readonly headSha: string;
  readonly protected: boolean;
  /** Undefined when the summary does not show required status checks at all. */
  readonly requiredStatusChecks: { readonly enforcementLevel: string | undefined; readonly checks: readonly RequiredCheck[] } | undefined;
}

/** GET .../branches/{b}/protection, reduced to the fields this action reads or must keep. */
export interface ClassicProtection {
  readonly required_status_checks?: {
    readonly strict?: boolean;
    readonly contexts?: readonly string[];
    readonly checks?: readonly { readonly context: string; readonly app_id: number | null }[];
  };
  readonly enforce_admins?: { readonly enabled?: boolean };
  readonly required_pull_request_reviews?: {
    readonly dismissal_restrictions?: PrincipalLists;
    readonly dismiss_stale_reviews?: boolean;
    readonly require_code_owner_reviews?: boolean;
    readonly required_approving_review_count?: number;
    readonly require_last_push_approval?: boolean;
    readonly bypass_pull_request_allowances?: PrincipalLists;
  };
  readonly restrictions?: PrincipalLists;
  readonly required_linear_history?: { readonly enabled?: boolean };
  readonly allow_force_pushes?: { readonly enabled?: boolean };
  readonly allow_deletions?: { readonly enabled?: boolean };
  readonly block_creations?: { readonly enabled?: boolean };
  readonly required_conversation_resolution?: { readonly enabled?: boolean };
  readonly lock_branch?: { readonly enabled?: boolean };
  readonly allow_fork_syncing?: { readonly enabled?: boolean };
  readonly required_signatures?: { readonly enabled?: boolean };
}

export interface PrincipalLists {
  readonly users?: readonly { readonly login?: string }[];
  readonly teams?: readonly { readonly slug?: string }[];
  readonly apps?: readonly { readonly slug?: string }[];
}

export interface CheckRunSeen {
  readonly id: number;
  readonly name: string;
  readonly appId: number | undefined;
  readonly appSlug: string | undefined;
  readonly status: string;
  readonly conclusion: string | undefined;
}

/** A merged pull request: its head commit carries the checks of CI that runs only on pull_request. */
export interface MergedPullRequest {
  readonly number: number;
  readonly headSha: string;
  readonly mergedAt: string;
}

/** A read the token was not allowed to make, with the permission GitHub says it needs. */
export interface Denial {
  readonly operation: string;
  readonly status: number;
  /** X-Accepted-GitHub-Permissions, e.g. "administration=read". */
  readonly permission: string | undefined;
  readonly message: string;
}

export type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly denied: Denial };

/** Where the check run that proves a name was found. */
export type ProofSource =
  { readonly kind: 'head' } | { readonly kind: 'branch-commit'; readonly position: number } | { readonly kind: 'pull-request'; readonly number: number };

/**
 * A GitHub Actions check run carrying a name, found on the branch head, one of its recent
 * commits or the head commit of a recently merged pull request.
 */
export interface CheckRunProof {
  readonly name: string;
  /** accepted: a name that counts for required-check; page-form: the name required-check's pull-request-page label stands for. */
  readonly kind: 'accepted' | 'page-form';
  readonly run: CheckRunSeen;
  readonly sha: string;
  readonly source: ProofSource;
}

/** The search for a GitHub Actions check run with the required name; it stops at the first hit. */
export interface ProofSearch {
  readonly found: CheckRunProof | undefined;
  /** Names looked for, in order. */
  readonly names: readonly string[];
  /** Commits of the branch looked at, the head included. */
  readonly branchCommits: number;
  /** Merged pull requests whose head commit was looked at. */
  readonly pullRequests: number;
  /** Reads that were denied; what they would have shown was not searched. */
  readonly denials: readonly Denial[];
}

/** Everything the gate read from GitHub, judged by evaluateProtection(). */
export interface ProtectionEvidence {
  readonly requiredCheck: string;
  readonly repository: string;
  readonly branch: string;
  readonly defaultBranch: string;
  readonly summary: BranchSummary;
  readonly rules: Read<readonly RulesetCheckRule[]>;
  /** Details of the rulesets behind the rules above, by id. */
  readonly rulesetDetails: ReadonlyMap<number, Read<RulesetDetail>>;
  /** Rulesets not enforced (evaluate, disabled), with details, to report the ones that would require the check. */
  readonly inactiveRulesets: Read<readonly RulesetDetail[]>;
  /** 'not-read': the summary says the branch is not protected, so there is no classic protection to read. */
  readonly classic: Read<ClassicProtection | 'not-protected'> | 'not-read';
  /** Every check run on the head (all apps), for the report and near-miss names. */
  readonly checkRuns: readonly CheckRunSeen[];
  /** Which name GitHub Actions really emits, searched beyond the head when the head does not show it. */
  readonly proof: ProofSearch;
}
