/**
 * The only IPC channels between the page and the shell. Declared once here (the preload owns the
 * wire), imported by main/app/ipc.ts, so the two sides cannot drift apart.
 */
export const sendChannel = 'anjuan:send';
export const printChannel = 'anjuan:print';
export const fileChannel = 'anjuan:file';
/** The system dialog to choose an evidence file: the shell keeps its path, the page gets a name and an id. */
export const pickFileChannel = 'anjuan:pickFile';
/** Upload a file chosen with `pickFileChannel`: the core process reads it from disk as a stream. */
export const uploadChannel = 'anjuan:upload';
