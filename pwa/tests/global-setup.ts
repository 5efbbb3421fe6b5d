// Starts the real Flask app (tests/pwa_server.py) once for the whole Vitest run; the twin in
// src/api.testing.ts reaches it at the URL given here (inject('apiBase')).
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    apiBase: string;
  }
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let child: ChildProcess | undefined;

export default async function setup(project: TestProject): Promise<() => void> {
  child = spawn(`${ROOT}.venv/bin/python`, ['-m', 'tests.pwa_server'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => { log = (log + chunk.toString()).slice(-4000); });
  const port = await new Promise<string>((resolve, reject) => {
    let out = '';
    child!.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    child!.on('exit', (code) => reject(new Error(`tests.pwa_server stopped (${code}); run \`make test\` once to build .venv.\n${log}`)));
  });
  project.provide('apiBase', `http://127.0.0.1:${port}`);
  return () => {
    child?.stdin?.end(); // the server stops when its stdin closes (also if Vitest is killed)
    child?.kill();
  };
}
