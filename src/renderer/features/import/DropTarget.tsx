// Module folders dropped anywhere on the window go to the import preview. While something is dragged over
// the window a full-window sign says what a drop will do; the page never reads the files itself: the
// preload turns them into paths and tells main which ones the user dropped.
import { useEffect, useState } from 'react';
import { pathsOfDroppedFiles } from '../../api/client';
import { navigate } from '../../app/router';
import { addImportPaths } from './import-paths';

const carriesFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') ?? false;

export function DropTarget() {
  const [over, setOver] = useState(false);
  useEffect(() => {
    // dragenter/dragleave fire for every element crossed: count them to know when the drag left the window.
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth += 1;
      setOver(true);
    };
    const leave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const overWindow = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Without this the browser would open the dropped file as a page (main denies that navigation anyway).
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setOver(false);
      const paths = pathsOfDroppedFiles(Array.from(event.dataTransfer?.files ?? []));
      if (paths.length === 0) return;
      addImportPaths(paths);
      navigate({ page: 'import' });
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overWindow);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overWindow);
      window.removeEventListener('drop', drop);
    };
  }, []);
  if (!over) return null;
  return (
    <div className="drop-overlay" role="status">
      <div className="drop-sign">
        <strong>Drop module folders to import them</strong>
        <span>Nothing is written until you publish. A folder of modules works too.</span>
      </div>
    </div>
  );
}
