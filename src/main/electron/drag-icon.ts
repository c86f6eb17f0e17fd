// The image under the pointer while a module folder is dragged out of the window (a small folder in the
// app's accent colour); Electron requires one, and a data URL needs no file beside the packaged bundle.
export const DRAG_ICON_DATA_URL =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAAARUlEQVR42u3PsQkAMAgFUduM6sqBbJFeOweIARVOuFbel6XbXpJfBwDAWMC5liqGtAFkHwIAAAAAAAAAAAAAMB9QVTnAATh2CzFxiP98AAAAAElFTkSuQmCC';
