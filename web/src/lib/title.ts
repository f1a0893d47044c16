// The browser tab's title and the focus after a route change (GB/T 37668 / WCAG 2.4.2, 2.4.3):
// every page names itself "<page> — 协调", and after a client-side navigation the keyboard and
// screen-reader user is taken to the new page's heading instead of being left on the menu.
import { useEffect } from 'react';

export const SITE_NAME = '协调';

/** "<page> — 协调", or the site's name alone. */
export function documentTitle(page?: string | null): string {
  const name = page?.trim();
  return name ? `${name} — ${SITE_NAME}` : SITE_NAME;
}

/** Set the tab title while the page is shown (PageHeader and the error pages call it). */
export function usePageTitle(page: string | null | undefined): void {
  useEffect(() => {
    document.title = documentTitle(page);
  }, [page]);
}

export interface RouteSeen {
  /** react-router's location key: 'default' for the location the visit started on */
  key: string;
  pathname: string;
}

/**
 * Whether a page heading should take the focus now that `next` is shown, `previous` being the
 * location a heading was last shown for. Only a navigation to another page does: not the first
 * page of a visit (the skip link must stay the first Tab stop), not a remount on the same
 * location, not a REPLACE (tabs, filters and redirects keep the focus where the user is) and
 * not a change of the query alone.
 */
export function headingTakesFocus(previous: RouteSeen | undefined, next: RouteSeen, navigationType: 'POP' | 'PUSH' | 'REPLACE'): boolean {
  if (next.key === 'default') return false;
  if (previous?.key === next.key) return false;
  if (navigationType === 'REPLACE') return false;
  return previous?.pathname !== next.pathname;
}
