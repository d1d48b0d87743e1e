/**
 * Every migration in order, named by timestamp. Append only: never edit or reorder a released
 * one, never reuse a retired name. The schema snapshot test fails when the result changes.
 */
import { sql as initial } from './20261126T1900_initial.js';

export interface Migration { name: string; sql: string }

export const migrations: Migration[] = [
  { name: '20261126T1900_initial', sql: initial },
];
