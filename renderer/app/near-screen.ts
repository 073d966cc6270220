// Whether an element is on the screen or close to it. Indicator rows far from the screen draw only the outline of
// their boxes: with all sixty rows' input boxes in the page, every frame, so every keystroke, cost Chromium ≈ 2.5 ms more
// (painting and layerizing the boxes) than with only the rows near the screen.
import { useLayoutEffect, useState, type RefObject } from 'react';

/** How far beyond the visible part of its scrolling pane an element still counts as near: rows come alive before
 * they scroll into view. */
const MARGIN_PX = 100;

const listeners = new WeakMap<Element, (near: boolean) => void>();
/** one observer per scrolling pane (the margin only widens the pane an observer watches, not the panes inside it);
 * weakly held, so a pane that leaves the page takes its observer with it */
const observers = new WeakMap<Element, IntersectionObserver>();
let pageObserver: IntersectionObserver | undefined;
const panes = new WeakMap<Element, Element | null>();

/** The nearest ancestor that scrolls (the editor's pane), or null for the page; looked up once per table. */
function scrollingPane(el: Element): Element | null {
  const key = el.closest('table') ?? el;
  let pane = panes.get(key);
  if (pane === undefined) {
    pane = null;
    for (let p = el.parentElement; p; p = p.parentElement) {
      const overflow = getComputedStyle(p).overflowY;
      if (overflow === 'auto' || overflow === 'scroll') {
        pane = p;
        break;
      }
    }
    panes.set(key, pane);
  }
  return pane;
}

function observe(el: Element, pane: Element | null, onChange: (near: boolean) => void): () => void {
  let observer = pane ? observers.get(pane) : pageObserver;
  if (!observer) {
    observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) listeners.get(e.target)?.(e.isIntersecting);
      },
      { root: pane, rootMargin: `${MARGIN_PX}px 0px` },
    );
    if (pane) observers.set(pane, observer);
    else pageObserver = observer;
  }
  listeners.set(el, onChange);
  observer.observe(el);
  const watching = observer;
  return () => {
    watching.unobserve(el);
    listeners.delete(el);
  };
}

/** Where there is no IntersectionObserver (jsdom), everything counts as near. */
export function useNearScreen(ref: RefObject<Element | null>): boolean {
  const supported = typeof IntersectionObserver !== 'undefined';
  const [near, setNear] = useState(!supported);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !supported) return;
    const pane = scrollingPane(el);
    // decided from where the element is before the first paint, then kept up to date as the pane scrolls
    const view = pane ? pane.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
    const r = el.getBoundingClientRect();
    setNear(r.bottom >= view.top - MARGIN_PX && r.top <= view.bottom + MARGIN_PX);
    return observe(el, pane, setNear);
  }, [ref, supported]);
  return near;
}
