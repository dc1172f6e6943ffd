/**
 * The check names that count for `required-check`, which is a check-run name: a plain job emits
 * its job name, a caller job calling a reusable workflow emits "caller / called". The pull request
 * page puts the workflow name in front of either ("CI / surreal-release-gates" for a plain job in
 * workflow CI, "CI / CI / surreal-release-gates" for the reusable layout), but that is a label.
 * So "CI / surreal-release-gates" counts as itself or as "surreal-release-gates", each only when
 * a check run carries exactly that name.
 */
export interface AcceptedNames {
  readonly full: string;
  /** The part after the last " / ", when there is one. */
  readonly jobPart: string | undefined;
  readonly all: readonly string[];
  /**
   * For a value of three parts ("CI / CI / surreal-release-gates"), the check-run name the pull
   * request page shows that way ("CI / surreal-release-gates"). It never counts; the gate names
   * it when a check run or a requirement carries it.
   */
  readonly pageForm: string | undefined;
}

export function acceptedNames(requiredCheck: string): AcceptedNames {
  const separator = requiredCheck.lastIndexOf(' / ');
  const jobPart = separator > 0 ? requiredCheck.slice(separator + 3).trim() : undefined;
  const usableJobPart = jobPart !== undefined && jobPart.length > 0 ? jobPart : undefined;
  const parts = requiredCheck.split(' / ').map((part) => part.trim());
  const pageForm = parts.length === 3 && parts.every((part) => part.length > 0) ? `${parts[1]} / ${parts[2]}` : undefined;
  return { full: requiredCheck, jobPart: usableJobPart, all: usableJobPart === undefined ? [requiredCheck] : [requiredCheck, usableJobPart], pageForm };
}

export function isAccepted(name: string, names: AcceptedNames): boolean {
  return names.all.includes(name);
}

/**
 * A name a person would take for the required one, which GitHub does not: other case or spacing,
 * a typo or two, or the job name with a matrix suffix. Reported, never counted.
 */
export function isNearMiss(name: string, names: AcceptedNames): boolean {
  if (isAccepted(name, names)) return false;
  const loose = (text: string) => text.toLowerCase().replace(/\s+/g, '');
  const candidate = loose(name);
  return names.all.some((accepted) => {
    const target = loose(accepted);
    return candidate === target || editDistance(candidate, target) <= 2 || (candidate.includes(target) && target.length >= 4);
  });
}

/** Levenshtein distance, for the near-miss test only. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_unused, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
