import type { HallSetup } from '../../core/model/hallSetup';
import { indexRoster } from '../../core/model/rosterIndex';
import type { RosterIndex } from '../../core/model/rosterIndex';

/** The hall the screens show: its setup (floor layout, roster, schemes in force) and the core's index over its roster. */
export interface HallView {
  setup: HallSetup;
  index: RosterIndex;
}

/** Index a hall setup once, for every screen. */
export function hallView(setup: HallSetup): HallView {
  return { setup, index: indexRoster(setup.roster) };
}
