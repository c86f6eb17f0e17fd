import { contextBridge } from 'electron';
import { z } from 'zod';

contextBridge.exposeInMainWorld('promptpm', { ok: z.string().parse('ok') });
