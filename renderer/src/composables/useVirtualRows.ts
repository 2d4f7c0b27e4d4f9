// A virtual list: of `count` rows of fixed height only those in view (plus a margin) are rendered, so a
// table of 10^4 services costs the same as one of 30.
import { computed, onBeforeUnmount, onMounted, ref, type Ref } from 'vue';

export function useVirtualRows(container: Ref<HTMLElement | null>, count: Ref<number>, rowHeight: number, overscan = 8) {
  const scrollTop = ref(0);
  const height = ref(480);
  let observer: ResizeObserver | undefined;
  let frame = 0;

  const onScroll = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      scrollTop.value = container.value?.scrollTop ?? 0;
    });
  };

  onMounted(() => {
    const el = container.value;
    if (!el) return;
    el.addEventListener('scroll', onScroll, { passive: true });
    height.value = el.clientHeight || height.value;
    if (typeof ResizeObserver !== 'undefined') {
      observer = new ResizeObserver(() => { height.value = el.clientHeight || height.value; });
      observer.observe(el);
    }
  });
  onBeforeUnmount(() => {
    container.value?.removeEventListener('scroll', onScroll);
    observer?.disconnect();
    if (frame) cancelAnimationFrame(frame);
  });

  const start = computed(() => Math.max(0, Math.floor(scrollTop.value / rowHeight) - overscan));
  const end = computed(() => Math.min(count.value, Math.ceil((scrollTop.value + height.value) / rowHeight) + overscan));

  /** Scrolls so that row `k` is in view. */
  function reveal(k: number, headerHeight = 0): void {
    const el = container.value;
    if (!el) return;
    const top = k * rowHeight;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + rowHeight > el.scrollTop + el.clientHeight - headerHeight) el.scrollTop = top + rowHeight - el.clientHeight + headerHeight;
    scrollTop.value = el.scrollTop;
  }

  return { start, end, totalHeight: computed(() => count.value * rowHeight), offset: computed(() => start.value * rowHeight), reveal };
}
