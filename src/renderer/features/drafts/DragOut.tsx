// A handle to drag a published version or a draft out of the window, onto the desktop or a file manager: the
// page only starts the gesture; main hands the folder to the operating system's drag (webContents.startDrag).
import { call } from '../../api/client';
import type { ChannelArgs } from '../../../shared/ipc/contract';

type What = ChannelArgs<'drafts.startDrag'>[0];

export function DragOut({ what, label }: { what: What; label: string }) {
  return (
    <span
      className="drag-out"
      draggable
      role="button"
      tabIndex={-1}
      aria-label={`Drag ${label} out of the window`}
      title="Drag onto the desktop or a file manager to copy the folder"
      onDragStart={(event) => {
        // The operating system's drag replaces the page's own one.
        event.preventDefault();
        void call('drafts.startDrag', what).catch((error: unknown) => console.warn('The drag could not start:', error));
      }}
    >
      ⇲ Drag out
    </span>
  );
}
