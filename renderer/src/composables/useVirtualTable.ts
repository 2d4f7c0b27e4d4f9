// A virtual table of fixed-height rows under a sticky header row of the same height, on TanStack Virtual: of
// `count` rows only those in view (plus a margin) are drawn, so a table of 10^5 services costs what one of 30
// does. The header is the list's leading padding, so rows never hide under it when revealed.
import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/vue-virtual';
import { computed, type Ref } from 'vue';

/** Height assumed until the scroll container has one (first paint, and DOMs without layout such as tests). */
const FALLBACK_HEIGHT = 480;

/** The container's size as TanStack measures it, or the fallback height while it measures none. */
function observeRect(instance: Virtualizer<HTMLElement, Element>, cb: (rect: { width: number; height: number }) => void) {
  return observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : { width: rect.width, height: FALLBACK_HEIGHT }));
}

export function useVirtualTable(container: Ref<HTMLElement | null>, count: Ref<number>, rowHeight: number, overscan = 8) {
  const virtualizer = useVirtualizer(computed(() => ({
    count: count.value,
    getScrollElement: () => container.value,
    estimateSize: () => rowHeight,
    overscan,
    paddingStart: rowHeight,
    scrollPaddingStart: rowHeight,
    initialRect: { width: 0, height: FALLBACK_HEIGHT },
    observeElementRect: observeRect,
  })));
  const items = computed(() => virtualizer.value.getVirtualItems());

  return {
    /** Indices of the rows to draw, in order. */
    rows: computed(() => items.value.map((item) => item.index)),
    /** Height of the whole table, header included. */
    totalHeight: computed(() => virtualizer.value.getTotalSize()),
    /** Offset of the first drawn row below the header. */
    offset: computed(() => (items.value[0]?.start ?? rowHeight) - rowHeight),
    /** Scrolls so that row `k` is in view (not under the header). */
    reveal: (k: number) => virtualizer.value.scrollToIndex(k, { align: 'auto' }),
  };
}
