// The installer configuration: targets for the three platforms, the app shipped from out/ only, and the
// Electron fuses that keep the binary from being used as a general Node runtime.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

interface BuilderConfig {
  asar: boolean;
  files: string[];
  publish: unknown;
  electronFuses: Record<string, boolean>;
  linux: { target: string[] };
  mac: { target: string[] };
  win: { target: string[] };
}
const config = parse(readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { main: string; scripts: Record<string, string> };

describe('electron-builder configuration', () => {
  it('builds AppImage + deb, dmg and nsis', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('sets the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('ships the built app (main entry included) and no sources', () => {
    const files = config.files;
    expect(files).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', 'package.json']));
    expect(files.some((f) => f.startsWith('src') || f.startsWith('test'))).toBe(false);
    expect(pkg.main.startsWith('out/main/')).toBe(true);
  });

  it('has the app icon electron-builder derives every platform icon from (PNG, at least 512×512)', () => {
    const png = readFileSync(new URL('../../resources/icon.png', import.meta.url));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    // IHDR: width and height are big-endian 32-bit integers at bytes 16 and 20.
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(512);
  });

  it('has a dist script that builds first and never publishes', () => {
    expect(pkg.scripts.dist).toMatch(/^npm run build && electron-builder\b/);
    expect(pkg.scripts.dist).toContain('--publish never');
    expect(config.publish).toBeNull();
  });
});
