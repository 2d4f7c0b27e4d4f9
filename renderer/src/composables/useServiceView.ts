// Which services the table shows and in which order: a text filter (id, name, tenant), filters by tenant and
// isolation, and sorting by any column. The result is an index array into the catalogue, recomputed only
// when the catalogue or the view changes; rows are read from the immutable scenario as they are drawn.
import { computed, ref, type Ref } from 'vue';
import { SERVICE_COLUMNS, cellValue, type ServiceColumn } from '../../../core/edit/service-columns';
import type { Service } from '../../../core/scenario/schema';

export interface SortState {
  readonly column: string;
  readonly descending: boolean;
}

export function serviceOrder(services: readonly Service[], filter: { text: string; tenant: string; isolation: string; onlyInvalid: ReadonlySet<number> | null },
  sort: SortState | null): Int32Array {
  const text = filter.text.trim().toLowerCase();
  const keep: number[] = [];
  for (let i = 0; i < services.length; i++) {
    const x = services[i];
    if (filter.tenant && x.tenant !== filter.tenant) continue;
    if (filter.isolation && x.isolation !== filter.isolation) continue;
    if (filter.onlyInvalid && !filter.onlyInvalid.has(i)) continue;
    if (text && !(String(x.id).toLowerCase().includes(text) || String(x.name).toLowerCase().includes(text) || String(x.tenant).toLowerCase().includes(text))) continue;
    keep.push(i);
  }
  if (sort) {
    const c: ServiceColumn | undefined = SERVICE_COLUMNS.find((col) => col.key === sort.column);
    if (c) {
      const numeric = c.spec.kind === 'number' || c.spec.kind === 'int';
      const keys = keep.map((i) => cellValue(services[i], c));
      const order = keep.map((_, k) => k);
      const sign = sort.descending ? -1 : 1;
      order.sort((a, b) => {
        const va = keys[a], vb = keys[b];
        if (va === undefined || va === null) return vb === undefined || vb === null ? a - b : 1;
        if (vb === undefined || vb === null) return -1;
        const cmp = numeric && typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb));
        return cmp !== 0 ? sign * cmp : a - b;
      });
      return Int32Array.from(order, (k) => keep[k]);
    }
  }
  return Int32Array.from(keep);
}

export function useServiceView(services: Ref<readonly Service[]>, invalidRows: Ref<ReadonlySet<number>>) {
  const text = ref('');
  const tenant = ref('');
  const isolation = ref('');
  const onlyInvalid = ref(false);
  const sort = ref<SortState | null>(null);
  const order = computed(() => serviceOrder(services.value, {
    text: text.value, tenant: tenant.value, isolation: isolation.value, onlyInvalid: onlyInvalid.value ? invalidRows.value : null,
  }, sort.value));

  function toggleSort(column: string): void {
    const s = sort.value;
    sort.value = !s || s.column !== column ? { column, descending: false } : !s.descending ? { column, descending: true } : null;
  }

  return { text, tenant, isolation, onlyInvalid, sort, order, toggleSort };
}
