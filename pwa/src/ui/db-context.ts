// The open database, handed down from main.tsx so screens and tests can use their own.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { MaatjeDB } from '../store/db';

export const DbContext = createContext<MaatjeDB | null>(null);

export function useDb(): MaatjeDB {
  const db = useContext(DbContext);
  if (!db) throw new Error('DbContext missing: render inside <DbContext.Provider>');
  return db;
}
