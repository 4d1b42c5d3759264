/** `ecsform explain`: the decisions, grouped by Compose service, each with where it landed. */
import { resolve } from 'node:path';
import { explain, type ExplainEntry } from '../../explain.js';
import type { Io } from '../io.js';
import { loadAndGenerate, type GenerateCommandOptions } from './generate.js';

export async function explainCommand(io: Io, options: GenerateCommandOptions): Promise<number> {
  const { result, root } = loadAndGenerate(io, options);
  const entries = explain(result);
  if (options.format === 'json') {
    io.out(`${JSON.stringify({ project: result.model.project.name, decisions: entries }, null, 2)}\n`);
    return 0;
  }
  const groups = new Map<string, ExplainEntry[]>();
  for (const entry of entries) {
    const key = entry.service ?? '(project)';
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  const where = (file: string) => io.display(resolve(root, file));
  let text = '';
  for (const [service, list] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    text += `${service}\n`;
    for (const entry of list.sort((a, b) => a.at.line - b.at.line || a.path.localeCompare(b.path))) {
      text += `  ${entry.outcome.padEnd(12)} ${entry.at.file}:${entry.at.line}  ${entry.path}\n      ${entry.detail}\n`;
      for (const location of entry.locations) text += `      → ${location.address} (${where(location.file)}:${location.line})\n`;
    }
    text += '\n';
  }
  io.out(text);
  return 0;
}
