// `hostfit import <source> <files…> --out <scenario.hostfit.json>`: an RVTools export, a kubectl dump, a
// Prometheus answer or a public trace → an ordinary scenario file, through the same pure pipeline the app
// runs in its worker (core/import). The file is written atomically (temp + rename) and only when the import
// succeeded; `--json` prints the import report (what was read, kept, skipped and why, where every number
// came from). Exit 1 names the file and the line / sheet + row / JSON path; exit 2 is a usage error.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import {
  GROUP_BY, IMPORT_DEFAULTS, IMPORT_LIMITS, IMPORT_SOURCES, ImportError, POWER_STATES, importEstate,
  type GroupBy, type ImportFile, type ImportOptions, type ImportReport, type ImportSource, type PowerState,
} from '../../../core/import/index';
import { serialiseScenario } from '../../../core/scenario/canonical';
import { byteOrder } from '../../../core/traces/planetlab';
import { writeFileAtomic } from '../../main/files/atomic-write';
import { InputError, readScenario, UsageError, type Command } from '../command';
import { table } from '../format';

const SOURCES: Record<ImportSource, string> = {
  rvtools: '<export.xlsx | RVTools_tab*.csv …>',
  kubernetes: '<cluster.json | cluster.yaml …>',
  prometheus: '<query_range.json …> [--into scenario.hostfit.json]',
  azure: '<vmtable.csv[.gz]> <vm_cpu_readings*.csv[.gz] …>',
  alibaba: '<machine_meta.csv> <container_meta.csv> <container_usage.csv>',
  bitbrains: '<folder of per-VM CSV files | files …>',
};

export const OPTIONS_HELP = [
  `--out <file>                 the scenario to write (atomically; nothing is written on error)`,
  `--json                       print the import report as JSON`,
  `--name <text>                scenario name (default: from the source and file names)`,
  `rvtools:    --power-states <list>   counted VM power states, of ${POWER_STATES.join(', ')} (default ${IMPORT_DEFAULTS.powerStates.join(',')})`,
  `            --group-by <how>        VMs → services: ${GROUP_BY.join(' | ')} (default ${IMPORT_DEFAULTS.groupBy})`,
  `kubernetes: --tenant-from <src>     namespace | label:<key> | annotation:<key> (default ${IMPORT_DEFAULTS.tenantFrom})`,
  `prometheus: --into <scenario>       add the traces to this scenario's services (default: services sized from the series)`,
  `            --service-label <l>     label naming a series' service (default: pod → controller, else service, app, job, vm_name, instance)`,
  `            --metric <m>            auto | cpu | memory (default ${IMPORT_DEFAULTS.metric})`,
  `alibaba:    --interval <s>          resampling interval in seconds (default ${IMPORT_DEFAULTS.intervalSeconds})`,
  `            --alibaba-memory-gib <g> GiB a normalised memory of 100 stands for (default ${IMPORT_DEFAULTS.alibabaMemoryGiBPer100})`,
  `limits: ${IMPORT_LIMITS.mib(IMPORT_LIMITS.MAX_FILE_BYTES)} per file, ${IMPORT_LIMITS.mib(IMPORT_LIMITS.MAX_TOTAL_BYTES)} in all, `
    + `xlsx ≤ ${IMPORT_LIMITS.mib(IMPORT_LIMITS.MAX_XLSX_UNCOMPRESSED_BYTES)} expanded and ≤ ${IMPORT_LIMITS.MAX_ZIP_RATIO}× per entry, gzip ≤ ${IMPORT_LIMITS.mib(IMPORT_LIMITS.MAX_GUNZIP_BYTES)} expanded`,
];

/** Regular files of a folder (recursively, hidden files and READMEs skipped), in byte order of their paths. */
function folderFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, depth: number) => {
    if (depth > 8) return;
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || /^readme/i.test(entry.name)) continue;
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p, depth + 1);
      else if (entry.isFile()) out.push(p);
    }
  };
  walk(dir, 0);
  return byteOrder(out);
}

function readInputs(paths: readonly string[]): ImportFile[] {
  const files: ImportFile[] = [];
  for (const p of paths) {
    let info;
    try {
      info = statSync(p);
    } catch (e) {
      throw new InputError(`cannot read ${p}: ${(e as Error).message}`);
    }
    const list = info.isDirectory() ? folderFiles(p).map((f) => ({ path: f, name: join(p, relative(p, f)) })) : [{ path: p, name: p }];
    if (info.isDirectory() && list.length === 0) throw new InputError(`${p} holds no files`);
    for (const f of list) {
      const size = statSync(f.path).size;
      if (size > IMPORT_LIMITS.MAX_FILE_BYTES) throw new InputError(`${f.name}: the file is ${IMPORT_LIMITS.mib(size)}; the import limit is ${IMPORT_LIMITS.mib(IMPORT_LIMITS.MAX_FILE_BYTES)} per file`);
      try {
        files.push({ name: f.name, bytes: readFileSync(f.path) });
      } catch (e) {
        throw new InputError(`cannot read ${f.name}: ${(e as Error).message}`);
      }
    }
  }
  return files;
}

/** The report as a few lines for the terminal. */
export function reportText(report: ImportReport, out: string): string {
  const c = report.counts;
  const lines = [`Imported ${report.source}: ${report.read} rows read, ${report.kept} kept, ${report.skippedCount} skipped → ${out}`, ''];
  lines.push(table(['file', 'read as', 'rows'], report.files.map((f) => [f.name, f.kind, String(f.rows)])), '');
  lines.push(table(['scenario', 'count'], [['host models', c.hostModels], ['hosts', c.hosts], ['sites', c.sites], ['racks', c.racks], ['tenants', c.tenants],
    ['services', c.services], ['replicas', c.replicas], ['traces', c.traces]].map(([k, v]) => [String(k), String(v)])));
  const reasons = Object.entries(report.skippedByReason);
  if (reasons.length > 0) {
    lines.push('', table(['skipped', 'rows', 'first at'], reasons.map(([reason, n]) => {
      const first = report.skipped.find((s) => s.reason === reason);
      return [reason, String(n), first ? `${first.at.file}: ${first.at.where}` : ''];
    })));
  }
  if (report.warnings.length > 0) lines.push('', 'Warnings:', ...report.warnings.map((w) => `  ! ${w}`));
  if (report.notes.length > 0) lines.push('', 'Notes:', ...report.notes.map((n) => `  - ${n}`));
  lines.push('', 'Every imported entity\'s source rows: --json (report.origins).');
  return lines.join('\n') + '\n';
}

const csv = (v: string) => v.split(',').map((x) => x.trim()).filter(Boolean);

export const command: Command = {
  usage: IMPORT_SOURCES.map((s) => `hostfit import ${s.padEnd(10)} ${SOURCES[s]} --out <scenario.hostfit.json> [--json]`).join('\n  ')
    + '\n    ' + OPTIONS_HELP.join('\n    '),
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        out: { type: 'string' },
        json: { type: 'boolean', default: false },
        name: { type: 'string' },
        'power-states': { type: 'string' },
        'group-by': { type: 'string' },
        'tenant-from': { type: 'string' },
        into: { type: 'string' },
        'service-label': { type: 'string' },
        metric: { type: 'string' },
        interval: { type: 'string' },
        'alibaba-memory-gib': { type: 'string' },
      },
      allowPositionals: true,
    });
    const [source, ...inputs] = positionals;
    if (!source) throw new UsageError(`import needs a source: ${IMPORT_SOURCES.join(', ')}`);
    if (!IMPORT_SOURCES.includes(source as ImportSource)) throw new UsageError(`unknown import source "${source}" (${IMPORT_SOURCES.join(', ')})`);
    if (inputs.length === 0) throw new UsageError(`import ${source} needs ${SOURCES[source as ImportSource]}`);
    if (!values.out) throw new UsageError('import needs --out <scenario.hostfit.json> (the file to write)');
    if (values.into && source !== 'prometheus') throw new UsageError('--into applies to import prometheus only');
    const options: ImportOptions = {
      ...(values.name ? { name: values.name } : {}),
      ...(values['power-states'] ? { powerStates: csv(values['power-states']) as PowerState[] } : {}),
      ...(values['group-by'] ? { groupBy: values['group-by'] as GroupBy } : {}),
      ...(values['tenant-from'] ? { tenantFrom: values['tenant-from'] } : {}),
      ...(values['service-label'] ? { serviceLabel: values['service-label'] } : {}),
      ...(values.metric ? { metric: values.metric as 'auto' | 'cpu' | 'memory' } : {}),
      ...(values.interval ? { intervalSeconds: Number(values.interval) } : {}),
      ...(values['alibaba-memory-gib'] ? { alibabaMemoryGiBPer100: Number(values['alibaba-memory-gib']) } : {}),
      ...(values.into ? { into: await readScenario(values.into) } : {}),
    };
    const files = readInputs(inputs);
    let result;
    try {
      result = await importEstate(source as ImportSource, files, options);
    } catch (e) {
      if (e instanceof ImportError) {
        if (e.at.file === 'options') throw new UsageError(`--${e.at.where.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${e.message.replace(/^options: \w+: /, '')}`);
        throw new InputError(e.message);
      }
      throw e;
    }
    try {
      await writeFileAtomic(values.out, serialiseScenario(result.scenario));
    } catch (e) {
      throw new InputError(`cannot write ${values.out}: ${(e as Error).message}`);
    }
    return values.json ? JSON.stringify(result.report, null, 2) + '\n' : reportText(result.report, values.out);
  },
};
