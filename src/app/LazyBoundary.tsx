import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useOnline } from './useOnline';

/** What a screen that failed to load says: plainly why (offline with the part not on the device, or another failure), and a retry. */
function LoadFailed({ message, retry }: { message: string; retry: () => void }) {
  const { t } = useTranslation();
  const online = useOnline();
  return (
    <div className="load-failed" role="alert">
      <p>{online ? t('app.screenFailed', { message }) : t('app.screenOffline')}</p>
      <button type="button" className="button secondary" onClick={retry}>
        {t('app.retry')}
      </button>
    </div>
  );
}

/**
 * Around lazily loaded screens: a chunk that cannot be fetched (offline before the service worker cached it, or a
 * newer build replaced it) shows a plain message with a retry instead of a blank page. The rest of the app stays up.
 */
export class LazyBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('a screen failed to load', error, info.componentStack);
  }

  override render(): ReactNode {
    // React keeps a lazy screen's failed import, so trying again means loading the page again (data is in the database).
    if (this.state.error) return <LoadFailed message={this.state.error.message} retry={() => window.location.reload()} />;
    return this.props.children;
  }
}
