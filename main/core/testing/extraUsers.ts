/**
 * Users beyond the demo bureau's five, for tests of separation of duties: a second head (副局长)
 * who may approve what the first one submitted, and a reviewer who is also a sworn officer.
 */
import type { Directory } from '../store/directory.js';
import { demoBureau } from '../seed/demo.js';
import type { TestCore } from './testCore.js';

type NewUser = Omit<Parameters<Directory['addUser']>[0], 'bureauId'>;

export const secondHead: NewUser = {
  id: 'user-head2',
  username: 'head2',
  name: '龙海',
  roles: ['head'],
  officerId: null,
  password: 'Head2-password!',
};

/** 王强 (off-03): a reviewer who can be listed as an officer on a case. */
export const officerReviewer: NewUser = {
  id: 'user-reviewer2',
  username: 'reviewer2',
  name: '王强',
  roles: ['reviewer'],
  officerId: 'off-03',
  password: 'Reviewer2-pass!',
};

/** Adds the user to the demo bureau. */
export function addDemoUser(t: TestCore, u: NewUser): void {
  t.core.services.directory.addUser({ ...u, bureauId: demoBureau.id });
}
