import { lazy, Suspense, useEffect, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { FindingPanel } from './features/patrol/FindingPanel';
import { MapView } from './features/patrol/MapView';
import { TodayLog } from './features/patrol/TodayLog';
import { UndoBar } from './features/patrol/UndoBar';
import { SyncBanner } from './features/sync/SyncBanner';
import { Header } from './Header';
import { LazyBoundary } from './LazyBoundary';
import { NavBar, VIEWS_OF } from './NavBar';
import type { AppServices } from './services/AppServices';
import { ServicesContext } from './services/ServicesContext';
import { createPatrolStore } from './store/patrolStore';
import type { PatrolState } from './store/patrolStore';
import { StoreContext } from './store/StoreContext';
import { usePatrol } from './store/usePatrol';
import { useLiveScores } from './useLiveScores';

// What the patrol itself does not need at start is loaded on first use (precached, so it works offline).
const ScoresView = lazy(() => import('./features/results/ScoresView').then((m) => ({ default: m.ScoresView })));
const AdminView = lazy(() => import('./features/admin/AdminView').then((m) => ({ default: m.AdminView })));
const ResultsView = lazy(() => import('./features/results/desk/ResultsView').then((m) => ({ default: m.ResultsView })));
const SettingsView = lazy(() => import('./features/setup/SettingsView').then((m) => ({ default: m.SettingsView })));
const ReviewView = lazy(() => import('./features/review/ReviewView').then((m) => ({ default: m.ReviewView })));
const CommitteeQueue = lazy(() => import('./features/review/CommitteeQueue').then((m) => ({ default: m.CommitteeQueue })));
const FindingSheet = lazy(() => import('./features/review/FindingSheet').then((m) => ({ default: m.FindingSheet })));
const NoticePage = lazy(() => import('./features/review/NoticePage').then((m) => ({ default: m.NoticePage })));
const DeskView = lazy(() => import('./features/desk/DeskView').then((m) => ({ default: m.DeskView })));
const ExplanationSheet = lazy(() => import('./features/results/ExplanationSheet').then((m) => ({ default: m.ExplanationSheet })));

/** The patrol app for a ready device. `overlay` is where the PWA's reload prompt goes (absent in tests). */
export function PatrolApp({ services, store, overlay }: { services: AppServices; store?: StoreApi<PatrolState>; overlay?: ReactNode }) {
  const ownStore = useMemo(() => {
    const made = store ?? createPatrolStore();
    // Each role starts where its work is: the inspector on the map, a chief in review, the committee at its queue,
    // the admin in the admin area.
    const first = VIEWS_OF[services.account?.role ?? 'inspector'][0];
    if (!store && first) made.getState().setView(first);
    return made;
  }, [store, services.account]);
  return (
    <ServicesContext value={services}>
      <StoreContext value={ownStore}>
        <AfterStart run={services.afterStart} />
        <Shell overlay={overlay} />
      </StoreContext>
    </ServicesContext>
  );
}

/** Renders nothing: runs the services' background start once the first frame is on screen. */
function AfterStart({ run }: { run: (() => void) | undefined }) {
  useEffect(() => {
    if (!run) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(run, 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [run]);
  return null;
}

/** Renders nothing: keeps the scores in step with the log without re-rendering the whole shell on each finding. */
function LiveScores() {
  useLiveScores();
  return null;
}

function Shell({ overlay }: { overlay?: ReactNode }) {
  const view = usePatrol((s) => s.view);
  const explaining = usePatrol((s) => s.explain !== null);
  const reviewing = usePatrol((s) => s.reviewing);
  const notice = usePatrol((s) => s.notice);
  const handOver = usePatrol((s) => s.handOver !== null);
  return (
    <div className="app">
      <LiveScores />
      <Header />
      <main className="app-main">
        <SyncBanner />
        {/* In hand-over the inspector's session is locked: only the chief's review is on screen. */}
        {!handOver && view === 'map' && <MapView />}
        {!handOver && view === 'log' && <TodayLog />}
        {/* Keyed by view: a screen that failed to load does not stop the other tabs from opening. */}
        <LazyBoundary key={handOver ? 'hand-over' : view}>
          <Suspense fallback={null}>
            {(handOver || view === 'review') && <ReviewView />}
            {!handOver && view === 'queue' && <CommitteeQueue />}
            {!handOver && view === 'scores' && <ScoresView />}
            {!handOver && view === 'results' && <ResultsView />}
            {!handOver && view === 'settings' && <SettingsView />}
            {!handOver && view === 'admin' && <AdminView />}
            {!handOver && view === 'desk' && <DeskView />}
          </Suspense>
        </LazyBoundary>
      </main>
      <NavBar />
      <FindingPanel />
      <UndoBar />
      <LazyBoundary>
        <Suspense fallback={null}>
          {explaining && <ExplanationSheet />}
          {reviewing && <FindingSheet findingId={reviewing} />}
          {notice && <NoticePage noticeId={notice} />}
        </Suspense>
      </LazyBoundary>
      {overlay}
    </div>
  );
}
