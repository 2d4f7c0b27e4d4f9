// Numbers and quantities in the locale's format (digits grouping, decimal mark) with translated units.
// Kernel values (millicores, MiB, MB, Mbps) are shown in the scenario's units (cores, GiB, GB, Mbps).
import { useI18n } from 'vue-i18n';

export const DIMENSION_UNIT_KEYS = ['cores', 'GiB', 'GB', 'Mbps'] as const;

/** Kernel units → display units, per dimension index (cpu, memory, disk, network). */
export function fromKernel(d: number, value: number): number {
  if (d === 0) return value / 1000;
  if (d === 1) return value / 1024;
  if (d === 2) return value / 1000;
  return value;
}

// Intl.NumberFormat is costly to create (a table of 10^4 rows formats hundreds of numbers per scroll step):
// one formatter per locale and options, reused.
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

export function useFormat() {
  const { t, n, locale } = useI18n();
  const fmt = (value: number, options: Intl.NumberFormatOptions) => formatter(locale.value, options).format(value);
  const num = (value: number, digits = 2) => fmt(value, { maximumFractionDigits: digits });
  const int = (value: number) => n(value, 'integer');
  const pct = (fraction: number) => n(fraction, 'percent');
  const qty = (value: number, unit: string, digits = 2) => t('unit.quantity', { value: num(value, digits), unit: t(`unit.${unit}`) });
  const usd = (value: number) => fmt(value, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
  /** A kernel-unit value of dimension `d` (or 'items') in display units. */
  const dim = (d: number | 'items', value: number) => (d === 'items'
    ? qty(value, 'pods', 0)
    : qty(fromKernel(d, value), DIMENSION_UNIT_KEYS[d] ?? 'units', d === 3 ? 0 : 2));
  return { num, int, pct, qty, usd, dim };
}
