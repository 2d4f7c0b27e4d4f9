// What made a lower bound, in the planner's words: a resource (volume or Martello–Toth L2), or a rule of the
// scenario (a service's spread, tenant isolation, required host labels, node VMs), the isolation partitions in whole
// hosts or the LP relaxation.
import type { LowerBound } from '../../../core/plan/bounds';

type Translate = (key: string, params?: Record<string, unknown>) => string;

export function boundReason(b: LowerBound, t: Translate): string {
  const by = b.by ?? '';
  if (by.startsWith('spread:')) return t('bound.spread', { service: by.slice('spread:'.length) });
  if (by.startsWith('labels:')) return t('bound.labels', { labels: by.slice('labels:'.length).split('+').join(', ') });
  if (by.startsWith('nodes')) return t('bound.nodes');
  if (by === 'isolation') return t('bound.isolation');
  if (by === 'partitions') return t('bound.partitions');
  if (by === 'lp' || b.method === 'lp') return t('bound.lp');
  if (!by) return '';
  const resource = t(`dimension.${by}`);
  return b.method === 'l2' ? t('bound.l2', { dimension: resource }) : t('bound.volume', { dimension: resource });
}
