import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext } from '../src/context.js';
import type { PipelineContext } from '../src/pipeline.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const realReports = path.resolve(root, '..', 'shared', 'real-reports');
export const hasRealReports = fs.existsSync(path.join(realReports, 'Bokslut_2025.pdf'));

let ctx: Promise<PipelineContext> | null = null;
export const sharedContext = () => (ctx ??= createContext({ rulesDir: path.join(root, 'rules') }));
export const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
