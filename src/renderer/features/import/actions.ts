// The import actions every entry point shares (the import page, the registry page, the menu, shortcuts).
import { call } from '../../api/client';
import { navigate } from '../../app/router';
import { addImportPaths, askNewModule } from './import-paths';

/** The native folder dialog; the chosen folders go to the import preview. */
export async function chooseImportFolders(): Promise<void> {
  navigate({ page: 'import' });
  addImportPaths(await call('import.choose'));
}

/** For menus and shortcuts: a failure to open the dialog is logged, there is nothing else to show it in. */
export function importModules(): void {
  chooseImportFolders().catch((error: unknown) => console.error('Import: the folder dialog failed', error));
}

export function startNewModule(): void {
  askNewModule();
  navigate({ page: 'import' });
}
