import { useLayoutEffect, useRef, type ReactNode } from 'react';

interface ScreenProps {
  title: string;
  children: ReactNode;
  footer?: ReactNode;
  busy?: boolean;
}

/**
 * One full screen of the portal. Navigation is by state, not by URL (the fragment
 * carries the token), so each new screen moves focus to its heading: screen readers
 * then announce the change just as they would a page load.
 */
export function Screen({ title, children, footer, busy = false }: ScreenProps) {
  const heading = useRef<HTMLHeadingElement>(null);

  // Before paint, so focus never lags a screen that is already showing.
  useLayoutEffect(() => {
    heading.current?.focus();
  }, [title]);

  return (
    <div className="page">
      {/* In a landmark, like the rest of the page, so screen-reader users can skip past it. */}
      <header>
        <p className="brand">Trustwork</p>
      </header>
      <main aria-busy={busy || undefined}>
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {children}
      </main>
      {footer && <footer className="page-footer">{footer}</footer>}
    </div>
  );
}
