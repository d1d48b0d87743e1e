/**
 * The sandboxed preload: exposes `window.anjuan` (AnjuanBridge) through contextBridge and nothing
 * else. ipcRenderer itself never reaches the page: a wrapped invoke on two fixed channels does.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge.js';

contextBridge.exposeInMainWorld(
  'anjuan',
  createBridge((channel, ...args) => ipcRenderer.invoke(channel, ...args)),
);
