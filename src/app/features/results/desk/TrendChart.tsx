import { useMemo, useRef } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import type { Table } from '../../../../core/scheme/schemeSchema';
import type { PeriodScores } from '../../../../core/scoring/results';
import { parsePeriod } from '../../../../core/time/period';
import { useServices } from '../../../services/useServices';
import { EChart } from './EChart';
import { trendMonths } from './periodChoices';
import { useRemote } from './useRemote';
import { useResultsWords } from './useResultsWords';

/** The subject's total month by month through the selected period's year (final results), with the grade bounds. */
export function TrendChart({ schemeId, table, subjectId, period }: { schemeId: string; table: Table; subjectId: string; period: string }) {
  const { r } = useResultsWords();
  const { openResults } = useServices();
  const ref = parsePeriod(period);
  const months = useMemo(() => (ref ? trendMonths(ref) : []), [ref]);
  // Months already fetched stay for other subjects of the same scheme and year.
  const cache = useRef(new Map<string, PeriodScores>());
  const key = `${schemeId}|${months.join(',')}`;
  const remote = useRemote(openResults && months.length > 0 ? key : null, async () => {
    const client = await openResults?.();
    if (!client) throw new Error('offline');
    const out: PeriodScores[] = [];
    for (const m of months) {
      const k = `${schemeId}|${m}`;
      let res = cache.current.get(k);
      if (!res) {
        res = await client.results(schemeId, m);
        cache.current.set(k, res);
      }
      out.push(res);
    }
    return out;
  });
  const option = useMemo<EChartsCoreOption | null>(() => {
    if (!remote.data) return null;
    const points = remote.data.map((res) => res.subjects.find((s) => s.subject === table.subject && s.subjectId === subjectId)?.total ?? null);
    const bounds = table.grades.flatMap((g) => {
      const low = g.when?.gte ?? g.when?.gt;
      return low === undefined ? [] : [{ yAxis: low, name: g.name, label: { formatter: g.name, position: 'insideEndTop' as const } }];
    });
    return {
      animation: false,
      grid: { left: 40, right: 16, top: 16, bottom: 28 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: months.map((m) => r('trend.month', { month: Number(m.slice(5)) })) },
      yAxis: { type: 'value', min: (v: { min: number }) => Math.max(0, Math.floor(v.min - 5)), max: (v: { max: number }) => Math.ceil(v.max + 2) },
      series: [
        {
          type: 'line',
          name: r('table.total'),
          data: points,
          connectNulls: false,
          symbolSize: 7,
          label: { show: true, position: 'top', fontSize: 11 },
          markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#9aa5b1' }, data: bounds },
        },
      ],
    };
  }, [remote.data, months, table, subjectId, r]);
  return (
    <figure className="trend">
      <figcaption>{r('trend.title')}</figcaption>
      {remote.error && <p role="alert">{r('load.failed', { message: remote.error })}</p>}
      {remote.loading && <p className="muted">{r('load.loading')}</p>}
      {option && <EChart option={option} height={200} label={r('trend.label', { months: months.length })} />}
    </figure>
  );
}
