// Strength rule for the workspace passphrase. It protects hundreds of clients'
// identity numbers on a laptop that may be stolen, so length matters most.
export type PassphraseProblem =
  | 'TOO_SHORT'
  | 'TOO_FEW_CLASSES'
  | 'CONTAINS_MANAGER_ID'
  | 'REPETITIVE';

export const MIN_PASSPHRASE_LENGTH = 12;

export function passphraseProblems(passphrase: string, managerId?: string): PassphraseProblem[] {
  const problems: PassphraseProblem[] = [];
  const chars = [...passphrase];
  if (chars.length < MIN_PASSPHRASE_LENGTH) problems.push('TOO_SHORT');
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(passphrase));
  if (classes.length < 3) problems.push('TOO_FEW_CLASSES');
  if (managerId && managerId.length >= 2 && passphrase.toLowerCase().includes(managerId.toLowerCase())) {
    problems.push('CONTAINS_MANAGER_ID');
  }
  if (chars.length > 0 && new Set(chars).size < Math.min(6, chars.length)) problems.push('REPETITIVE');
  return problems;
}
