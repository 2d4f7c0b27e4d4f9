// LR and LRR's overload test, decided from a linear form of the history where the answer is clear.
//
// The regression detectors predict the host's utilisation `intervals` ticks ahead from its last w history points and
// call it overloaded when s · prediction ≥ 1. Where the fit is an ordinary or weighted least-squares line (LR, and
// LRR without its robust step: CloudSim's unweighted quirk), the prediction is a fixed linear form of the points:
//   prediction = Σⱼ (meanⱼ + slopeⱼ · (x* − x̄)) · yⱼ,   x* = w + intervals,
// with meanⱼ the weights of the (weighted) mean, slopeⱼ those of the slope and x̄ the (weighted) mean of x, all
// depending on w alone (computed once per run). The kernel's exact computation (Commons Math's update formulas,
// stats.ts regressReversed, or weightedRegression) gives the same value up to rounding, and so does this form: each
// is off the exact value by at most a few hundred units of 2⁻⁵³ · Σ|yⱼ| · (1 + |x*|) for windows up to MAX_WINDOW
// (the sums' cancellations are divided by a determinant that grows as fast). Where this form's s · prediction is
// further from 1 than a margin some thousands of times that (1e-9 · (1 + Σ|yⱼ|) · (1 + |x*|) · max(1, |s|)), both
// sides of the comparison agree, and the exact fit is not needed; else the caller runs it. So the answers are the exact
// path's, bit for bit (test/property/sim-kernel-vs-reference.test.ts).
//
// A host's points are its cached history sums plus, for a candidate item, that item's history × size ÷ capacity:
// the form is linear in both, so the item's part is one product, and the kernel keeps each host's and item's form
// until its history changes. The exact path also refuses histories shorter than w (its last window point 0 and nothing
// after it): the screen answers only where that point is positive.
import { f64At, setF64 } from './mem';

/** Windows up to this length are screened; longer ones take the exact path. */
const MAX_WINDOW: i32 = 64;
const meanCoef: usize = memory.data(MAX_WINDOW * 8, 8);
const slopeCoef: usize = memory.data(MAX_WINDOW * 8, 8);
let window: i32 = 0;
let xMean: f64 = 0;

/**
 * Prepares the form for window w: `weights` is 0 for the unweighted fit, else the w regression weights of x = 1…w
 * (tricube, as loess gives them). Returns false where the screen cannot serve (window too long, or weights whose fit
 * the exact path would refuse and replace).
 */
export function prepareLrScreen(w: i32, weights: usize): bool {
  window = 0;
  if (w < 2 || w > MAX_WINDOW) return false;
  // The exact weighted fit's own refusal test (stats.ts weightedRegression, which then fits unweighted): it reads the
  // weights alone, so it is decided here once, with the same operations.
  let sw: f64 = 0, swx: f64 = 0, swxx: f64 = 0;
  for (let k = 0; k < w; k++) {
    const wk = weights == 0 ? 1.0 : f64At(weights, k), x: f64 = <f64>k + 1.0;
    sw += wk; swx += wk * x; swxx += wk * x * x;
  }
  if (weights != 0 && (!(sw > 0) || !(abs<f64>(sw * swxx - swx * swx) > 1e-12))) return false;
  xMean = swx / sw;
  let sxx: f64 = 0;
  for (let k = 0; k < w; k++) {
    const wk = weights == 0 ? 1.0 : f64At(weights, k), dx = <f64>k + 1.0 - xMean;
    sxx += wk * dx * dx;
  }
  if (!(sxx > 1e-9)) return false;
  // History index j (newest first) is the regression's x = w − j.
  for (let j = 0; j < w; j++) {
    const k = w - 1 - j, wk = weights == 0 ? 1.0 : f64At(weights, k);
    setF64(meanCoef, j, wk / sw);
    setF64(slopeCoef, j, wk * (<f64>k + 1.0 - xMean) / sxx);
  }
  window = w;
  return true;
}

/** The linear form's parts of one history (linearForm's results): mean part, slope part, Σ|y|. */
export let formMean: f64 = 0, formSlope: f64 = 0, formMagnitude: f64 = 0;

/** The form's mean and slope parts of `len` ≤ window history values (newest first; the rest taken as 0), and Σ|y|. */
export function linearForm(y: usize, len: i32): void {
  let a: f64 = 0, b: f64 = 0, mag: f64 = 0;
  for (let j = 0; j < len; j++) {
    const v = f64At(y, j);
    a += f64At(meanCoef, j) * v; b += f64At(slopeCoef, j) * v; mag += abs<f64>(v);
  }
  formMean = a; formSlope = b; formMagnitude = mag;
}

/**
 * 1 where s · prediction ≥ 1 for sure, 0 where < 1 for sure, −1 where the exact fit must decide: `mean`, `slope` and
 * `magnitude` are the history's form (linearForm's, summed over the host's points and a candidate item's × its share),
 * `intervals` the look-ahead in ticks, `s` the safety parameter.
 */
export function lrDecide(mean: f64, slope: f64, magnitude: f64, intervals: f64, s: f64): i32 {
  const xs = <f64>window + intervals;
  const p = (mean + slope * (xs - xMean)) * s;
  const tol = 1e-9 * (1 + magnitude) * (1 + abs<f64>(xs)) * max<f64>(1, abs<f64>(s));
  if (p - 1 > tol) return 1;
  if (1 - p > tol) return 0;
  return -1;
}
