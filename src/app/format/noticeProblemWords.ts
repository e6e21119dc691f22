import type { TFunction } from 'i18next';
import type { NoticeProblem } from '../../core/events/buildNotice';

/** An inconsistency of a notice, in words. Finding ids are shortened to their last six characters, as printed. */
export function noticeProblemWords(p: NoticeProblem, t: TFunction): string {
  const k = 'notice.problem';
  switch (p.kind) {
    case 'other-signature':
      return t(`${k}.other-signature`, { finding: p.findingId.slice(-6), signer: p.signerName, first: p.firstSignerName });
    case 'recording-missing':
      return t(`${k}.recording-missing`, { finding: p.findingId.slice(-6) });
    case 'item-unknown':
      return t(`${k}.item-unknown`, { item: p.itemId, scheme: p.schemeId, version: p.schemeVersion });
    case 'signer-unknown':
      return t(`${k}.signer-unknown`, { signer: p.signerId });
  }
}
