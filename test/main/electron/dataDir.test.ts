import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirArgument, resolveDataDir } from '../../../src/main/electron/dataDir';

describe('data dir', () => {
  it('defaults to <userData>/data', () => {
    expect(resolveDataDir(['electron', '.'], '/home/worker/.config/社工站台账')).toBe(join('/home/worker/.config/社工站台账', 'data'));
  });

  it('takes --data-dir DIR or --data-dir=DIR, made absolute', () => {
    expect(resolveDataDir(['app.exe', '--data-dir', 'D:/台账'], '/u')).toBe(resolve('D:/台账'));
    expect(resolveDataDir(['app.exe', '--data-dir=/srv/ledger'], '/u')).toBe('/srv/ledger');
    expect(resolveDataDir(['electron', '.', '--data-dir', 'rel/dir'], '/u')).toBe(resolve('rel/dir'));
  });

  it('ignores a flag without a value', () => {
    expect(dataDirArgument(['app.exe', '--data-dir'])).toBeUndefined();
    expect(dataDirArgument(['app.exe', '--data-dir', '--inspect'])).toBeUndefined();
    expect(dataDirArgument(['app.exe', '--data-dir='])).toBeUndefined();
    expect(dataDirArgument(['app.exe', '--data-directory', 'x'])).toBeUndefined();
  });
});
