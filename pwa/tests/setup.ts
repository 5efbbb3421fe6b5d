// IndexedDB for Node: every test runs the real Dexie code against fake-indexeddb.
import 'fake-indexeddb/auto';
