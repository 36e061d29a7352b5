import { desktop, type PrintOutcome, type PrintRequest } from '../../api';

/**
 * Prints the current page. In Electron the shell shows the system print dialog, or with `pdf`
 * renders an A4 PDF and asks where to save it. In a browser there is only `window.print()`,
 * whose dialog offers 另存为 PDF itself and does not tell whether anything was printed.
 */
export async function printPage(request: PrintRequest = {}): Promise<PrintOutcome> {
  const native = desktop();
  if (native) return native.print(request);
  window.print();
  return { status: 'printed' };
}

/** Whether 另存为 PDF is a separate action (Electron) rather than a choice in the print dialog. */
export function canSavePdf(): boolean {
  return desktop() !== undefined;
}
