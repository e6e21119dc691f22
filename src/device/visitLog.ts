import { ObservableValue } from './observableValue';
import type { PatrolDb } from './patrolDb';
import type { VisitRow } from './rows';

/** Windows checked today with nothing to record ("正常"), for coverage. */
export class VisitLog {
  private readonly cell = new ObservableValue<readonly VisitRow[]>([]);

  constructor(private readonly db: PatrolDb) {}

  get = this.cell.get;
  subscribe = this.cell.subscribe;

  /** Load the visits of one hall-local day. */
  async load(day: string): Promise<void> {
    this.cell.set(await this.db.visits.where('day').equals(day).toArray());
  }

  /** Store a visit and show it. */
  async add(visit: VisitRow): Promise<void> {
    await this.db.visits.add(visit);
    this.cell.set([...this.cell.get(), visit]);
  }
}
