/**
 * How a service asks the core to close its database and open it again while the process keeps
 * running (restore, enabling encryption). Apart from `restartableCore.ts`, which does it and wraps
 * the whole core, so that the services below can name it without pointing up at the core.
 */

/** Holds new requests, lets running ones finish, runs `beforeClose`, closes the core's database, runs `replace`, opens the core again (restartableCore.ts). */
export type Reopen = (steps: { beforeClose?: () => Promise<void>; replace: () => Promise<void> }) => Promise<void>;
