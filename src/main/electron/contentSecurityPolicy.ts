/**
 * The Content-Security-Policy sent with every app:// response. Nothing remote may load: the app
 * runs offline on village PCs and everything it shows ships inside the package.
 *
 * style-src allows 'unsafe-inline' because antd's CSS-in-JS injects <style> elements at run time;
 * inline styles cannot run code, while scripts stay 'self' only (no inline, no eval).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
