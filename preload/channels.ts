/**
 * The only IPC channels between the page and the shell. Declared once here (the preload owns the
 * wire), imported by main/app/ipc.ts, so the two sides cannot drift apart.
 */
export const sendChannel = 'anjuan:send';
export const printChannel = 'anjuan:print';
export const fileChannel = 'anjuan:file';
