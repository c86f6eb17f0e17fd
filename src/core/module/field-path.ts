// Field paths as segments (`['interface', 'inputs', 1, 'type']`) and their printed form
// (`interface.inputs[1].type`), the form diagnostics carry.
export type PathSegment = string | number;
export type FieldPath = readonly PathSegment[];

const BARE_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

export function formatPath(path: FieldPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (BARE_KEY.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

export const pathKey = (path: FieldPath): string => JSON.stringify(path);
