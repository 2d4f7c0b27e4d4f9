// Policy names in the form the paper and CloudSim use: `npa`, `dvfs`, `<detector>-<selector>-<parameter>`
// such as `thr-mmt-0.8` or `lr-mc-1.2`. Parsing never throws: errors come back as text for the CLI/UI.
import {
  DETECTOR_IQR, DETECTOR_LR, DETECTOR_LRR, DETECTOR_MAD, DETECTOR_THR, MODE_DVFS, MODE_DYNAMIC, MODE_NPA,
  SELECT_MC, SELECT_MMT, SELECT_MU, SELECT_RS,
} from '../../assembly/sim/abi';

export type DetectorName = 'thr' | 'iqr' | 'mad' | 'lr' | 'lrr';
export type SelectorName = 'mmt' | 'mc' | 'mu' | 'rs';

export interface Policy {
  readonly name: string;
  readonly mode: number;
  readonly detector: number;
  readonly selector: number;
  /** Threshold for THR, safety parameter for the others. */
  readonly parameter: number;
}

export const DETECTORS: Record<DetectorName, number> = {
  thr: DETECTOR_THR, iqr: DETECTOR_IQR, mad: DETECTOR_MAD, lr: DETECTOR_LR, lrr: DETECTOR_LRR,
};
export const SELECTORS: Record<SelectorName, number> = { mmt: SELECT_MMT, mc: SELECT_MC, mu: SELECT_MU, rs: SELECT_RS };

/** The nine policies of the benchmark, as in CloudSim's figures for 20110303. */
export const PAPER_POLICIES = ['npa', 'dvfs', 'thr-mmt-0.8', 'iqr-mmt-1.5', 'mad-mmt-2.5', 'lr-mmt-1.2', 'lrr-mmt-1.2',
  'thr-mu-0.8', 'lr-mc-1.2'] as const;

export function parsePolicy(text: string): Policy | string {
  const name = text.trim().toLowerCase();
  if (name === 'npa') return { name, mode: MODE_NPA, detector: DETECTOR_THR, selector: SELECT_MMT, parameter: 1 };
  if (name === 'dvfs') return { name, mode: MODE_DVFS, detector: DETECTOR_THR, selector: SELECT_MMT, parameter: 1 };
  const m = /^(thr|iqr|mad|lrr|lr)-(mmt|mc|mu|rs)-(\d+(?:\.\d+)?)$/.exec(name);
  if (!m) {
    return `unknown policy "${text}": expected npa, dvfs or <thr|iqr|mad|lr|lrr>-<mmt|mc|mu|rs>-<parameter>, e.g. thr-mmt-0.8`;
  }
  const parameter = Number(m[3]);
  if (m[1] === 'thr' && (parameter <= 0 || parameter > 1)) return `policy "${text}": a THR threshold must be in (0, 1]`;
  if (m[1] !== 'thr' && (parameter <= 0 || parameter > 10)) return `policy "${text}": the safety parameter must be in (0, 10]`;
  return { name, mode: MODE_DYNAMIC, detector: DETECTORS[m[1] as DetectorName], selector: SELECTORS[m[2] as SelectorName], parameter };
}
