import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { Store, type OpenStoreOptions } from '../src/store/index.js';
import type { UploadFile } from '../src/validation/validate.js';

const encoder = new TextEncoder();

/** An upload file from CSV text (UTF-8). */
export function csv(name: string, text: string): UploadFile {
  return { name, bytes: encoder.encode(text) };
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A fresh folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'puente-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A store on a fresh DuckDB file, closed after the test. */
export async function freshStore(options: Omit<OpenStoreOptions, 'path'> = {}): Promise<Store> {
  const store = await Store.open({ path: path.join(tempDir(), 'test.duckdb'), ...options });
  cleanups.unshift(() => store.close());
  return store;
}

export const INSTITUTIONS = `id,name,city,country,type
fuen,Ayuntamiento de Fuenlabrada,Fuenlabrada,ES,government
cife,CIFE,Fuenlabrada,ES,agency
hz-academy,Hangzhou Cross-border E-commerce Academy,Hangzhou,CN,university
`;
export const PARTNERSHIPS = `id,source,target,area,status,started_on,title
p-exchange,hz-academy,fuen,exchange,proposed,2023-03-22,Student and faculty exchange
p-training,hz-academy,cife,joint_training,active,2023-03-22,Joint training
`;
export const TRAINING = `institution,partnership,programme,topic,year,trainees,completed
cife,,IT training,digital,2022,120,100
cife,p-training,E-commerce basics,e-commerce,2023,80,60
hz-academy,,E-commerce education,e-commerce,2023,300,280
`;
export const MILESTONES = `id,partnership,date,title,kind,status
m-meeting,p-exchange,2023-03-22,Online meeting,meeting,done
m-follow-up,p-training,2024-06-01,Follow-up,meeting,planned
`;

export function smallProgramme(): UploadFile[] {
  return [
    csv('institutions.csv', INSTITUTIONS),
    csv('partnerships.csv', PARTNERSHIPS),
    csv('training.csv', TRAINING),
    csv('milestones.csv', MILESTONES),
  ];
}
