/* Plain exact vector First Fit Decreasing, the speed yardstick for the WASM kernel (bench/suites/pack-fleet.ts
 * compiles it with -O3 when a C compiler is present). Items sorted by the L2 norm of their size normalised by
 * the host capacity, descending (qsort, ties by index); each goes to the leftmost host that fits, found with a
 * segment tree of per-dimension maxima; a run of identical items restarts at the host the previous one took.
 * Input (binary, little-endian): i32 hosts, i32 items, i32 dims, f64 capacity[dims], f64 demand[items*dims].
 * Output: one line "<hosts used> <seconds>" (sorting and packing, not reading). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int H, N, D, P;
static double *cap, *dem, *res, *tree, *key;
static int *order, *host;

static int cmp(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  if (key[y] > key[x]) return 1;
  if (key[y] < key[x]) return -1;
  return x - y;
}

static int fits(int node, int item) {
  for (int d = 0; d < D; d++) if (tree[node * D + d] < dem[item * D + d]) return 0;
  return 1;
}

static int leftmost(int node, int lo, int hi, int start, int item) {
  if (hi <= start || !fits(node, item)) return -1;
  if (node >= P) return node - P;
  int mid = (lo + hi) >> 1;
  int l = leftmost(node * 2, lo, mid, start, item);
  return l >= 0 ? l : leftmost(node * 2 + 1, mid, hi, start, item);
}

static void refresh(int h) {
  int leaf = P + h;
  for (int d = 0; d < D; d++) tree[leaf * D + d] = res[h * D + d];
  for (int n = leaf >> 1; n >= 1; n >>= 1)
    for (int d = 0; d < D; d++) {
      double a = tree[2 * n * D + d], b = tree[(2 * n + 1) * D + d];
      tree[n * D + d] = a > b ? a : b;
    }
}

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  FILE *f = fopen(argv[1], "rb");
  int hdr[3];
  if (!f || fread(hdr, 4, 3, f) != 3) return 1;
  H = hdr[0]; N = hdr[1]; D = hdr[2];
  cap = malloc(8 * (size_t)D);
  dem = malloc(8 * (size_t)N * D);
  if (fread(cap, 8, D, f) != (size_t)D || fread(dem, 8, (size_t)N * D, f) != (size_t)N * D) return 1;
  fclose(f);
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  P = 1;
  while (P < H) P <<= 1;
  res = malloc(8 * (size_t)H * D); tree = malloc(8 * (size_t)2 * P * D); key = malloc(8 * (size_t)N);
  order = malloc(4 * (size_t)N); host = malloc(4 * (size_t)N);
  for (int i = 0; i < N; i++) {
    double s = 0;
    for (int d = 0; d < D; d++) { double x = cap[d] > 0 ? dem[i * D + d] / cap[d] : 0; s += x * x; }
    key[i] = sqrt(s);
    order[i] = i;
  }
  qsort(order, N, sizeof(int), cmp);
  for (int h = 0; h < H; h++) memcpy(res + h * D, cap, 8 * (size_t)D);
  for (int n = 0; n < 2 * P; n++)
    for (int d = 0; d < D; d++) tree[n * D + d] = (n >= P && n - P >= H) ? -INFINITY : cap[d];
  int used = 0, prev = -1;
  char *isUsed = calloc(H, 1);
  for (int k = 0; k < N; k++) {
    int item = order[k], start = 0;
    if (prev >= 0 && memcmp(dem + prev * D, dem + item * D, 8 * (size_t)D) == 0) start = host[prev] < 0 ? H : host[prev];
    int h = leftmost(1, 0, P, start, item);
    host[item] = h;
    if (h >= 0) {
      for (int d = 0; d < D; d++) res[h * D + d] -= dem[item * D + d];
      if (!isUsed[h]) { isUsed[h] = 1; used++; }
      refresh(h);
    }
    prev = item;
  }
  clock_gettime(CLOCK_MONOTONIC, &t1);
  printf("%d %.6f\n", used, (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
  return 0;
}
