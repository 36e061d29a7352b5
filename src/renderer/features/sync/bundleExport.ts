/**
 * Export a bundle: in the desktop app straight to the USB stick through the native save dialog
 * (the core writes the file), in a browser as a download of the bytes the core returns.
 */
import type { Progress, RecordCounts } from '../../../shared/contract';
import { bundleFileName } from '../../../shared/domain/bundleNames';
import { desktop, useLedgerMutation } from '../../api';
import { useStation } from '../station/station';
import { downloadBase64 } from './files';

export interface Exported {
  fileName: string;
  /** Where the desktop app saved it; null for a browser download. */
  savedTo: string | null;
  changes: number;
  records: RecordCounts;
}

/** The last part of a path, on Windows or elsewhere. */
const fileNameOf = (path: string) => path.split(/[\\/]/).pop() || path;

/**
 * The export for this screen; it resolves to null when the user cancelled the save dialog. At a
 * station the bundle is for the county; at the county, for the station given.
 */
export function useExportBundle(onProgress: (p: Progress) => void): (passphrase: string, forStation?: { code: string; name: string }) => Promise<Exported | null> {
  const toStick = useLedgerMutation('sync.exportBundle', { onProgress });
  const toDownload = useLedgerMutation('sync.exportBundleData', { onProgress });
  const self = useStation();
  return async (passphrase, forStation) => {
    const native = desktop();
    if (native) {
      // The name the core would give it: which station, which way, when.
      const station = forStation ?? { code: self?.code ?? '', name: self?.name ?? '' };
      const defaultName = bundleFileName({ direction: forStation ? 'fromCounty' : 'toCounty', station, at: new Date() });
      const [outPath] = await native.chooseFiles({ purpose: 'saveBundle', defaultName });
      if (!outPath) return null;
      const r = await toStick.mutateAsync({ outPath, passphrase, for: forStation?.code });
      return { fileName: fileNameOf(r.path), savedTo: r.path, changes: r.changes, records: r.records };
    }
    const out = await toDownload.mutateAsync({ passphrase, for: forStation?.code });
    downloadBase64(out.fileName, out.data);
    return { fileName: out.fileName, savedTo: null, changes: out.result.changes, records: out.result.records };
  };
}
