/**
 * Export a bundle: in the desktop app straight to the USB stick through the native save dialog
 * (the core writes the file), in a browser as a download of the bytes the core returns.
 */
import { desktop, useLedgerMutation } from '../../api';
import { downloadBase64 } from './files';

export interface Exported {
  fileName: string;
  counts: Record<string, number>;
}

/** The export for this screen; it resolves to null when the user cancelled the save dialog. */
export function useExportBundle(): (passphrase: string, forCode?: string) => Promise<Exported | null> {
  const toStick = useLedgerMutation('sync.exportBundle');
  const toDownload = useLedgerMutation('sync.exportBundleData');
  return async (passphrase, forCode) => {
    const native = desktop();
    if (native) {
      const [outPath] = await native.chooseFiles({ purpose: 'saveBundle', defaultName: forCode ? `发往${forCode}.slbundle` : '发往县局.slbundle' });
      if (!outPath) return null;
      const r = await toStick.mutateAsync({ outPath, passphrase, for: forCode });
      return { fileName: r.path, counts: r.counts };
    }
    const out = await toDownload.mutateAsync({ passphrase, for: forCode });
    downloadBase64(out.fileName, out.data);
    return { fileName: out.fileName, counts: out.result.counts };
  };
}
