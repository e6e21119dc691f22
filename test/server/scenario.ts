import type { FindingEvent, FindingRecorded } from '../../src/core/events/events';
import { about, recorded } from './testServer';

type Who = { deviceId: string; accountId: string };

/**
 * A quarter of findings for the kunqu scheme over staff of 综合受理窗口 (the chief-zonghe's unit), with every review
 * path: acknowledged, contested then upheld / overturned / amended, voided by the author, still contested.
 * Returns the events per device, in the order each device would have made them.
 */
export function quarterScenario(inspector: Who, chief: Who, committee: Who): { inspector: FindingEvent[]; chief: FindingEvent[]; committee: FindingEvent[] } {
  const items: { itemId: string; inputs?: FindingRecorded['inputs'] }[] = [
    { itemId: 'wander' },
    { itemId: 'leave-post' },
    { itemId: 'play-phone' },
    { itemId: 'late', inputs: { quantity: 45 } },
    { itemId: 'late', inputs: { quantity: 10 } },
    { itemId: 'absence', inputs: { quantity: 2 } },
    { itemId: 'leave-days', inputs: { quantity: 4 } },
    { itemId: 'forbidden-words' },
  ];
  const ins: FindingEvent[] = [];
  const chf: FindingEvent[] = [];
  const com: FindingEvent[] = [];
  for (let i = 0; i < 60; i++) {
    const month = (i % 3) + 1;
    const day = (i % 27) + 1;
    const at = `2026-0${month}-${String(day).padStart(2, '0')}T${String(9 + (i % 7)).padStart(2, '0')}:15:00+08:00`;
    const it = items[i % items.length] ?? { itemId: 'wander' };
    const rec = recorded(inspector, { at, observedAt: at, staffId: `s-${String((i % 14) + 1).padStart(3, '0')}`, itemId: it.itemId, ...(it.inputs ? { inputs: it.inputs } : {}) });
    ins.push(rec);
    const later = (h: number): string => at.replace(/T\d{2}/, `T${String(17 + h).padStart(2, '0')}`);
    switch (i % 6) {
      case 1:
        ins.push(about(inspector, rec.findingId, { type: 'finding.acknowledged', at: later(0), noticeId: `n-${i}`, signerName: '王丽', signature: 'd'.repeat(64) }));
        break;
      case 2:
        chf.push(about(chief, rec.findingId, { type: 'finding.contested', at: later(0), reason: '有正当理由', photos: [] }));
        com.push(about(committee, rec.findingId, { type: 'contest.decided', at: later(1), decision: i % 4 === 0 ? 'overturn' : 'uphold', reason: '复核' }));
        break;
      case 3:
        ins.push(about(inspector, rec.findingId, { type: 'finding.voided', at: later(0), reason: '记错了窗口' }));
        break;
      case 4:
        chf.push(about(chief, rec.findingId, { type: 'finding.contested', at: later(0), reason: '不服', photos: [] }));
        if (it.itemId === 'late' || i % 12 === 4) {
          com.push(about(committee, rec.findingId, { type: 'contest.decided', at: later(1), decision: 'amend', reason: '改为串岗', amended: { itemId: 'wander' } }));
        }
        break;
      default:
        break;
    }
  }
  return { inspector: ins, chief: chf, committee: com };
}
