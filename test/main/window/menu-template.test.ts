import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { aboutText, menuTemplate } from '../../../src/main/window/menu-template.js';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function recordingActions(clicked: string[] = []) {
  return {
    openRegistry: () => clicked.push('open'),
    importModules: () => clicked.push('import'),
    newModule: () => clicked.push('new'),
    showAbout: () => clicked.push('about'),
  };
}

function build(platform: NodeJS.Platform, dev: boolean) {
  const clicked: string[] = [];
  const items = flatten(menuTemplate({ platform, dev, appName: 'PromptPM', actions: recordingActions(clicked) }));
  return { items, clicked };
}

describe('application menu', () => {
  it('offers Open Registry… on Ctrl/Cmd+O and About', () => {
    const { items, clicked } = build('linux', false);
    const open = items.find((i) => i.label === 'Open Registry…');
    expect(open?.accelerator).toBe('CmdOrCtrl+O');
    (open?.click as () => void)();
    (items.find((i) => i.label === 'About PromptPM')?.click as () => void)();
    expect(clicked).toEqual(['open', 'about']);
  });

  it('offers Import Modules… on Ctrl/Cmd+I and New Module… on Ctrl/Cmd+N in the File menu', () => {
    const { items, clicked } = build('linux', false);
    const importItem = items.find((i) => i.label === 'Import Modules…');
    const newItem = items.find((i) => i.label === 'New Module…');
    expect([importItem?.accelerator, newItem?.accelerator]).toEqual(['CmdOrCtrl+I', 'CmdOrCtrl+N']);
    (importItem?.click as () => void)();
    (newItem?.click as () => void)();
    expect(clicked).toEqual(['import', 'new']);
  });

  it('has Reload always and Toggle DevTools only in development', () => {
    expect(build('linux', false).items.map((i) => i.role)).toContain('reload');
    expect(build('linux', false).items.some((i) => i.role === 'toggleDevTools')).toBe(false);
    expect(build('linux', true).items.some((i) => i.role === 'toggleDevTools')).toBe(true);
  });

  it('puts About in the app menu on macOS', () => {
    const template = menuTemplate({ platform: 'darwin', dev: false, appName: 'PromptPM', actions: recordingActions() });
    expect(template[0]?.label).toBe('PromptPM');
    expect((template[0]?.submenu as MenuItemConstructorOptions[])[0]?.label).toBe('About PromptPM');
  });

  it('shows the version in About', () => {
    expect(aboutText('PromptPM', '1.2.3', '45.0.0').message).toBe('PromptPM 1.2.3');
  });
});
