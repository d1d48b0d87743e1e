import { describe, expect, it } from 'vitest';
import { filesToPrune } from './pruneFeed.js';

describe('filesToPrune', () => {
  it('keeps the newest two versions of each installer, with their blockmaps and signatures, and every index', () => {
    const names = [
      'latest.yml', 'latest.yml.sig', 'latest-linux.yml', 'latest-linux-arm64.yml',
      'anjuan-0.1.0-setup-x64.exe', 'anjuan-0.1.0-setup-x64.exe.blockmap', 'anjuan-0.2.0-setup-x64.exe', 'anjuan-0.2.0-setup-x64.exe.blockmap',
      'anjuan-0.10.0-setup-x64.exe', 'anjuan-0.10.0-setup-x64.exe.blockmap',
      'anjuan-0.1.0-amd64.deb', 'anjuan-0.1.0-amd64.deb.asc', 'anjuan-0.2.0-amd64.deb', 'anjuan-0.10.0-amd64.deb',
      'anjuan-0.2.0-arm64.deb', 'anjuan-0.10.0-arm64.deb', 'SHA256SUMS', 'README.txt',
    ];
    expect(filesToPrune(names)).toEqual(['anjuan-0.1.0-amd64.deb', 'anjuan-0.1.0-amd64.deb.asc', 'anjuan-0.1.0-setup-x64.exe', 'anjuan-0.1.0-setup-x64.exe.blockmap']);
  });

  it('a pre-release comes before its release', () => {
    expect(filesToPrune(['anjuan-1.0.0-setup-x64.exe', 'anjuan-1.0.0-beta.1-setup-x64.exe', 'anjuan-0.9.0-setup-x64.exe'])).toEqual(['anjuan-0.9.0-setup-x64.exe']);
    expect(filesToPrune(['anjuan-1.0.0-setup-x64.exe', 'anjuan-1.0.0-beta.1-setup-x64.exe', 'anjuan-1.0.1-setup-x64.exe'])).toEqual(['anjuan-1.0.0-beta.1-setup-x64.exe']);
  });
});
