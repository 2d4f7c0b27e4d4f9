// "in 3 racks, 1 site": the racks and sites a model's hosts span, with each count in its singular or plural form
// (the cards and the printable report say it the same way).
interface Translate {
  (key: string, named: Record<string, unknown>): string;
  (key: string, named: Record<string, unknown>, plural: number): string;
}

export function racksSpan(t: Translate, int: (n: number) => string, racks: number, sites: number): string {
  return t('results.racksSpan', { racks: t('results.rackCount', { n: int(racks) }, racks), sites: t('results.siteCount', { n: int(sites) }, sites) });
}
