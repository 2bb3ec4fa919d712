import type { ProfileEdit } from './models';
import { aboutMeProblem, displayNameProblem, optionalEmailProblem } from './profile-rules';
import { usernameProblem } from './rules';

/** Every problem of an edit, field by field: the form shows them all at once. */
export function profileEditProblems(edit: ProfileEdit): Partial<Record<keyof ProfileEdit, string>> {
  const problems: Partial<Record<keyof ProfileEdit, string>> = {};
  const username = usernameProblem(edit.username);
  if (username) problems.username = username;
  const displayName = displayNameProblem(edit.displayName);
  if (displayName) problems.displayName = displayName;
  const aboutMe = aboutMeProblem(edit.aboutMe);
  if (aboutMe) problems.aboutMe = aboutMe;
  const email = optionalEmailProblem(edit.email);
  if (email) problems.email = email;
  return problems;
}
