// jsdom lacks the layout APIs antd and rc-virtual-list call; these stand-ins report "no layout".
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { describeDrift, takeDrift } from './contractDrift';

// The suite's projects run side by side on two cores: antd's dialogs and selects can take more than
// the default second to appear. Waiting longer changes no verdict, only how long a real failure takes.
configure({ asyncUtilTimeout: 5_000 });

afterEach(() => {
  cleanup();
  // An input the contract refuses is drift between the UI and the contract, whatever the test asserted.
  const drift = takeDrift();
  if (drift.length > 0) throw new Error(`The UI sent inputs the contract refuses:\n${describeDrift(drift)}`);
});

if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string): MediaQueryList => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}

if (!('ResizeObserver' in window)) {
  class ResizeObserverStub {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.defineProperty(window, 'ResizeObserver', { writable: true, value: ResizeObserverStub });
  Object.defineProperty(globalThis, 'ResizeObserver', { writable: true, value: ResizeObserverStub });
}

// antd measures scrollbars with getComputedStyle(el, '::-webkit-scrollbar'); jsdom throws on pseudo-elements.
const realGetComputedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (el: Element, _pseudo?: string | null) => realGetComputedStyle(el);

if (!Element.prototype.scrollIntoView) {
  Element.prototype.scrollIntoView = () => undefined;
}

if (!Element.prototype.scrollTo) {
  Element.prototype.scrollTo = () => undefined;
}
