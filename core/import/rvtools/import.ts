// RVTools → scenario (imports.md §1). vInfo VMs become services (grouped by --group-by), vHost hosts become
// host models (by CPU model, sockets, cores and memory) and host groups, datacenters become sites and clusters
// racks. Templates and SRM placeholders are dropped; only the chosen power states count; a VM exported by two
// merged vCenter files counts once. VM sizes are whole VMs (guest OS included), so the imported VM model has
// no extra guest OS and the estate's own VM shapes as flavours; the host's own (hypervisor) overhead stays the
// VM model's parameter and is not subtracted from the host too.
import type { ImportContext, Importer } from '../context';
import {
  POWER_CURVE_NOTE, assumedPowerCurve, defaultHostPool, emptyScenario, ids, round, roundUp,
  type HostModelInput, type ScenarioInput, type ServiceInput, type SiteInput,
} from '../scenario';
import { boolOf, column, decimalAt, headerAt, numberOf, rowAt, textOf, type Table } from '../table';
import { ImportError, type PowerState, type SourceLocation } from '../types';
import { VCLUSTER, VHOST, VINFO, VMETADATA, type ColumnSpec } from './columns';
import { readRvtools } from './read';

const BYTES_THRESHOLD = 2 ** 30; // a per-VM or per-host size above 2^30 "MiB" (1 EiB) can only be bytes

interface Col { index: number; header: string; toMiB: number }

function col(t: Table, spec: ColumnSpec): Col {
  const index = column(t, spec.aliases);
  const header = index >= 0 ? t.header[index] : '';
  const gb = index >= 0 && (spec.gib ?? []).some((a) => a.toLowerCase() === header.trim().toLowerCase());
  return { index, header, toMiB: gb ? 1024 : 1 };
}

function require(t: Table, c: Col, spec: ColumnSpec, what: string): void {
  if (c.index < 0) {
    throw new ImportError(headerAt(t), `missing column ${JSON.stringify(spec.aliases[0])} (${what}); also accepted: ${spec.aliases.slice(1).map((a) => JSON.stringify(a)).join(', ')}`);
  }
}

/** Column values in MiB: bytes recognised by magnitude (the whole column decides, imports.md §1.4). */
function mibColumn(t: Table, c: Col, reporter: ImportContext['reporter'], what: string): (number | null)[] {
  if (c.index < 0) return t.rows.map(() => null);
  const values = t.rows.map((r, k) => numberOf(r[c.index], decimalAt(t, k)));
  const max = values.reduce<number>((m, v) => (v !== null && v > m ? v : m), 0);
  if (max > BYTES_THRESHOLD) {
    reporter.note(`${t.sheet ?? t.file} "${c.header}" holds bytes, not MiB (values up to ${max.toExponential(2)}): converted (${what}).`);
    return values.map((v) => (v === null ? null : v / 2 ** 20));
  }
  if (/\bMB\b/.test(c.header)) reporter.note(`${t.sheet ?? t.file} "${c.header}": an older export's "MB", which vSphere counts in MiB (2^20 bytes) like 4.x's "MiB".`);
  return values.map((v) => (v === null ? null : v * c.toMiB));
}

const POWER: Record<string, PowerState> = { poweredon: 'poweredOn', poweredoff: 'poweredOff', suspended: 'suspended' };

/** web-01, web_02, web03 → web (the name without its trailing number). */
export function namePrefix(name: string): string {
  const p = name.replace(/[-_. ]?\d+$/, '').replace(/[-_. ]+$/, '');
  return p || name;
}

interface Vm { name: string; cpus: number; memMiB: number; diskMiB: number; inUseMiB: number; datacenter: string; cluster: string; folder: string; server: string; at: SourceLocation }

export const importRvtools: Importer = async (files, ctx: ImportContext) => {
  const { reporter, progress, options } = ctx;
  const { tables, form } = await readRvtools(files, reporter, progress, ctx.workbookReader);
  const vinfo = tables.vInfo;
  if (!vinfo) {
    throw new ImportError({ file: files[0].name, where: form === 'xlsx' ? 'sheet vInfo' : '' },
      form === 'xlsx' ? 'missing sheet vInfo (the VMs): export with RVTools → File → Export all to xlsx' : 'missing RVTools_tabvInfo.csv (the VMs): export with RVTools → File → Export all to csv');
  }
  const c = Object.fromEntries(Object.entries(VINFO).map(([k, spec]) => [k, col(vinfo, spec)])) as Record<keyof typeof VINFO, Col>;
  require(vinfo, c.vm, VINFO.vm, 'VM name');
  require(vinfo, c.cpus, VINFO.cpus, 'vCPUs');
  require(vinfo, c.memory, VINFO.memory, 'configured memory');
  if (c.power.index < 0) reporter.warn('vInfo has no Powerstate column: every VM counts as powered on.');
  const memory = mibColumn(vinfo, c.memory, reporter, 'VM memory');
  const provisioned = mibColumn(vinfo, c.provisioned, reporter, 'provisioned storage');
  const inUse = mibColumn(vinfo, c.inUse, reporter, 'storage in use');
  const allowed = new Set(options.powerStates);
  const seen = new Map<string, SourceLocation>();
  const vms: Vm[] = [];
  for (let k = 0; k < vinfo.rows.length; k++) {
    if (progress.due()) await progress.report({ phase: 'build', done: k, total: vinfo.rows.length, file: vinfo.file });
    const r = vinfo.rows[k];
    const here = rowAt(vinfo, k);
    const name = textOf(r[c.vm.index]);
    if (!name) { reporter.skip(here, 'no-name', 'row without a VM name'); continue; }
    if (c.template.index >= 0 && boolOf(r[c.template.index]) === true) { reporter.skip(here, 'template', `${name} is a template (Template = True)`); continue; }
    if (c.srm.index >= 0 && boolOf(r[c.srm.index]) === true) { reporter.skip(here, 'srm-placeholder', `${name} is an SRM placeholder`); continue; }
    if (c.power.index >= 0) {
      const raw = textOf(r[c.power.index]);
      const state = POWER[raw.toLowerCase()];
      if (!state) { reporter.skip(rowAt(vinfo, k, c.power.header), 'unknown-power-state', `${name}: power state "${raw}" is none of poweredOn, poweredOff, suspended`); continue; }
      if (!allowed.has(state)) { reporter.skip(here, state === 'poweredOff' ? 'powered-off' : state === 'suspended' ? 'suspended' : 'powered-on', `${name} is ${state} (counted states: ${[...allowed].join(', ')})`); continue; }
    }
    const server = c.server.index >= 0 ? textOf(r[c.server.index]) : '';
    const uuid = c.uuid.index >= 0 ? textOf(r[c.uuid.index]) : '';
    const key = `${server}\u0000${uuid || name}`;
    const first = seen.get(key);
    if (first) { reporter.skip(here, 'duplicate-vm', `${name} (${uuid || 'same name'}) of ${server || 'the same vCenter'} already read at ${first.file}: ${first.where}`); continue; }
    seen.set(key, here);
    const cpus = numberOf(r[c.cpus.index], decimalAt(vinfo, k));
    const mem = memory[k];
    if (cpus === null || !(cpus >= 1) || !Number.isInteger(cpus)) { reporter.skip(rowAt(vinfo, k, c.cpus.header), 'bad-value', `${name}: CPUs "${textOf(r[c.cpus.index])}" is not a whole number ≥ 1`); continue; }
    if (mem === null || !(mem > 0)) { reporter.skip(rowAt(vinfo, k, c.memory.header), 'bad-value', `${name}: Memory "${textOf(r[c.memory.index])}" is not a size > 0`); continue; }
    vms.push({
      name, cpus, memMiB: mem, diskMiB: provisioned[k] ?? 0, inUseMiB: inUse[k] ?? 0,
      datacenter: c.datacenter.index >= 0 ? textOf(r[c.datacenter.index]) : '', cluster: c.cluster.index >= 0 ? textOf(r[c.cluster.index]) : '',
      folder: c.folder.index >= 0 ? textOf(r[c.folder.index]) : '', server, at: here,
    });
  }

  const doc: ScenarioInput = emptyScenario(`RVTools: ${files.length === 1 ? files[0].name.replace(/^.*[\\/]/, '') : `${files.length} files`}`,
    `Imported from ${files.map((f) => f.name.replace(/^.*[\\/]/, '')).join(', ')} (RVTools ${form}).`);
  const meta = tables.vMetaData;
  if (meta && meta.rows.length > 0) {
    const version = col(meta, VMETADATA.version), created = col(meta, VMETADATA.created), server = col(meta, VMETADATA.server);
    const v = version.index >= 0 ? textOf(meta.rows[0][version.index]) : '';
    const d = created.index >= 0 ? textOf(meta.rows[0][created.index]) : '';
    const s = server.index >= 0 ? textOf(meta.rows[0][server.index]) : '';
    doc.description += ` RVTools ${v || '(version not recorded)'}${s ? `, vCenter ${s}` : ''}${d ? `, exported ${d}` : ''}.`;
  }

  // ---- Hosts → host models and topology ----
  const hostModels: HostModelInput[] = [];
  const sites: SiteInput[] = [];
  let hostThreads = 0, hostMemMiB = 0;
  const vhost = tables.vHost;
  if (vhost && vhost.rows.length > 0) {
    const h = Object.fromEntries(Object.entries(VHOST).map(([k, spec]) => [k, col(vhost, spec)])) as Record<keyof typeof VHOST, Col>;
    require(vhost, h.host, VHOST.host, 'host name');
    require(vhost, h.cores, VHOST.cores, 'physical cores');
    require(vhost, h.memory, VHOST.memory, 'host memory');
    const hmem = mibColumn(vhost, h.memory, reporter, 'host memory');
    const modelIds = ids();
    const models = new Map<string, { input: HostModelInput; from: SourceLocation[] }>();
    const groups = new Map<string, { site: string; rack: string; model: string; count: number; from: SourceLocation[] }>();
    const seenHosts = new Set<string>();
    let maintenance = 0;
    for (let k = 0; k < vhost.rows.length; k++) {
      const r = vhost.rows[k];
      const here = rowAt(vhost, k);
      const name = textOf(r[h.host.index]);
      if (!name) { reporter.skip(here, 'no-name', 'row without a host name'); continue; }
      const hostKey = `${h.server.index >= 0 ? textOf(r[h.server.index]) : ''}\u0000${name}`;
      if (seenHosts.has(hostKey)) { reporter.skip(here, 'duplicate-host', `host ${name} already read`); continue; }
      seenHosts.add(hostKey);
      const cores = numberOf(r[h.cores.index], decimalAt(vhost, k));
      const mem = hmem[k];
      if (cores === null || !(cores >= 1) || !Number.isInteger(cores)) { reporter.skip(rowAt(vhost, k, h.cores.header), 'bad-value', `${name}: # Cores "${textOf(r[h.cores.index])}" is not a whole number ≥ 1`); continue; }
      if (mem === null || !(mem >= 10.24 && mem <= 1024 ** 3)) { reporter.skip(rowAt(vhost, k, h.memory.header), 'bad-value', `${name}: # Memory "${textOf(r[h.memory.index])}" is not a size between 0.01 GiB and 1 PiB`); continue; }
      const sockets = h.sockets.index >= 0 ? numberOf(r[h.sockets.index], decimalAt(vhost, k)) ?? 1 : 1;
      const ht = h.htActive.index >= 0 ? boolOf(r[h.htActive.index]) === true : false;
      const cpuModel = h.cpuModel.index >= 0 ? textOf(r[h.cpuModel.index]).replace(/\s+/g, ' ') : '';
      const vendor = [h.vendor, h.model].map((x) => (x.index >= 0 ? textOf(r[x.index]) : '')).filter(Boolean).join(' ');
      const gib = mem / 1024;
      if (h.maintenance.index >= 0 && boolOf(r[h.maintenance.index]) === true) maintenance++;
      const key = [cpuModel, sockets, cores, Math.round(gib), ht].join('|');
      let m = models.get(key);
      if (!m) {
        const cpuShort = cpuModel.replace(/\(R\)|\(TM\)|CPU|@.*$/gi, '').replace(/Intel|AMD|Xeon|EPYC/gi, (s) => s.toLowerCase()).trim().replace(/\s+/g, '-') || 'host';
        const input: HostModelInput = {
          id: modelIds(`${cpuShort}-${sockets}s-${cores}c-${Math.round(gib)}g`),
          name: `${vendor ? `${vendor}, ` : ''}${cpuModel || 'unknown CPU'}, ${sockets} × ${round(cores / Math.max(1, sockets), 1)} cores, ${Math.round(gib)} GiB`.slice(0, 200),
          cores: Math.min(4096, cores), threadsPerCore: ht ? 2 : 1, memoryGiB: round(gib, 2), diskGB: 0, networkGbps: 0, powerWatts: assumedPowerCurve(cores),
        };
        m = { input, from: [] };
        models.set(key, m);
      } else if (round(gib, 2) < (m.input.memoryGiB as number)) {
        m.input.memoryGiB = round(gib, 2); // hosts of one model differ by a few MiB: the model has the smallest
      }
      m.from.push(here);
      hostThreads += cores * (ht ? 2 : 1);
      hostMemMiB += mem;
      const dc = h.datacenter.index >= 0 ? textOf(r[h.datacenter.index]) : '';
      const cl = h.cluster.index >= 0 ? textOf(r[h.cluster.index]) : '';
      const gk = `${dc}\u0000${cl}\u0000${m.input.id}`;
      const g = groups.get(gk) ?? { site: dc, rack: cl, model: m.input.id, count: 0, from: [] };
      g.count++;
      g.from.push(here);
      groups.set(gk, g);
    }
    for (const m of models.values()) {
      reporter.origin(`$.hostModels[${hostModels.length}]`, m.input.id, m.from,
        `${m.from.length} host(s) with this CPU model, sockets, cores and memory; cores = # Cores; threadsPerCore = 2 if HT Active; memoryGiB = # Memory / 1024 (smallest of the group)`);
      hostModels.push(m.input);
    }
    if (models.size > 0) reporter.note(POWER_CURVE_NOTE);
    if (maintenance > 0) reporter.note(`${maintenance} host(s) were in maintenance mode at export time; they are counted as capacity.`);
    const siteIds = ids(), rackIds = ids(), groupIds = ids();
    const siteIndex = new Map<string, SiteInput>();
    const rackIndex = new Map<string, { id: string; name?: string; hosts: { id: string; model: string; count: number }[] }>();
    for (const g of groups.values()) {
      let site = siteIndex.get(g.site);
      if (!site) {
        site = { id: siteIds(g.site || 'datacenter'), name: (g.site || 'Datacenter (not named in the export)').slice(0, 200), kind: 'datacenter', racks: [] };
        siteIndex.set(g.site, site);
        sites.push(site);
      }
      const rk = `${g.site}\u0000${g.rack}`;
      let rack = rackIndex.get(rk);
      if (!rack) {
        rack = { id: rackIds(g.rack || `${site.id}-standalone`), name: (g.rack ? `Cluster ${g.rack}` : 'Standalone hosts').slice(0, 200), hosts: [] };
        rackIndex.set(rk, rack);
        site.racks.push(rack);
      }
      const id = groupIds(`${rack.id}-${g.model}`);
      reporter.origin(`$.sites[${sites.indexOf(site)}].racks[${site.racks.indexOf(rack)}].hosts[${rack.hosts.length}]`, id, g.from,
        `${g.count} host(s) of ${g.model} in datacenter "${g.site}" (site), cluster "${g.rack}" (rack)`);
      rack.hosts.push({ id, model: g.model, count: g.count });
    }
    reporter.note('Datacenters become sites and clusters racks (the failure and pooling domain vSphere plans with); hosts outside a cluster are in a "Standalone hosts" rack.');
  }
  const vcluster = tables.vCluster;
  if (vcluster) {
    const name = col(vcluster, VCLUSTER.name), ha = col(vcluster, VCLUSTER.ha), failover = col(vcluster, VCLUSTER.failover);
    for (let k = 0; k < vcluster.rows.length; k++) {
      const r = vcluster.rows[k];
      const level = failover.index >= 0 ? numberOf(r[failover.index], decimalAt(vcluster, k)) : null;
      if (name.index >= 0 && ha.index >= 0 && boolOf(r[ha.index]) === true) {
        reporter.note(`Cluster ${textOf(r[name.index])} has HA on${level ? ` with failover level ${level} (N+${level})` : ''}: compare the rack-loss headroom in \`hostfit compare\`.`);
      }
    }
  }

  // ---- VMs → services ----
  const groupKey = (vm: Vm): string => {
    const shape = `${vm.server}|${vm.cpus}|${Math.round(vm.memMiB)}`; // a service never spans two vCenters (tenants)
    switch (options.groupBy) {
      case 'none': return `${vm.server}\u0000${vm.name}\u0000${vm.at.file}\u0000${vm.at.where}`;
      case 'name-prefix': return `${namePrefix(vm.name)}\u0000${shape}`;
      case 'folder': return `${vm.folder}\u0000${shape}`;
      case 'cluster': return `${vm.datacenter}/${vm.cluster}\u0000${shape}`;
    }
  };
  const groupName = (vm: Vm): string => {
    switch (options.groupBy) {
      case 'none': return vm.name;
      case 'name-prefix': return namePrefix(vm.name);
      case 'folder': return vm.folder || '(no folder)';
      case 'cluster': return vm.cluster ? `${vm.datacenter}/${vm.cluster}` : '(no cluster)';
    }
  };
  const groups = new Map<string, Vm[]>();
  for (const vm of vms) {
    const key = groupKey(vm);
    const list = groups.get(key);
    if (list) list.push(vm); else groups.set(key, [vm]);
  }
  const names = new Map<string, number>(); // group name → shapes using it
  for (const list of groups.values()) names.set(groupName(list[0]), (names.get(groupName(list[0])) ?? 0) + 1);
  const tenantIds = ids();
  const tenants = new Map<string, string>();
  const serviceIds = ids();
  const services: ServiceInput[] = [];
  const shapes = new Map<string, { vcpus: number; memoryGiB: number }>();
  let vcpus = 0, vramMiB = 0, diskMiB = 0, inUseMiB = 0;
  for (const list of groups.values()) {
    const vm = list[0];
    const tenantKey = vm.server || 'estate';
    let tenant = tenants.get(tenantKey);
    if (!tenant) { tenant = tenantIds(tenantKey); tenants.set(tenantKey, tenant); doc.tenants.push({ id: tenant, name: vm.server ? `vCenter ${vm.server}` : 'Estate' }); }
    const gib = roundUp(vm.memMiB / 1024, 4);
    const base = groupName(vm);
    const name = (names.get(base) ?? 0) > 1 ? `${base} (${vm.cpus} vCPU, ${round(gib, 2)} GiB)` : base;
    const id = serviceIds(name.replace(/\s*\((\d+) vCPU, ([\d.]+) GiB\)$/, '-$1c-$2g'));
    for (const x of list) { vcpus += x.cpus; vramMiB += x.memMiB; diskMiB += x.diskMiB; inUseMiB += x.inUseMiB; }
    // A VM beyond any flavour the schema allows gets none: the import drops it with the model's reason.
    if (vm.cpus >= 1 && vm.cpus <= 4096 && gib <= 1e5) shapes.set(`${vm.cpus}|${gib}`, { vcpus: vm.cpus, memoryGiB: gib });
    reporter.origin(`$.services[${services.length}]`, id, list.map((x) => x.at),
      `${list.length} VM(s)${options.groupBy === 'none' ? '' : ` grouped by ${options.groupBy}`}; cpuCores = CPUs (${vm.cpus}); memoryGiB = Memory ${round(vm.memMiB, 2)} MiB / 1024; `
      + `storage (Provisioned ${round(list.reduce((n, x) => n + x.diskMiB, 0) / 1024, 1)} GiB in all) is on shared datastores and not packed per host`);
    services.push({ id, name: name.slice(0, 200), tenant, replicas: list.length, demand: { cpuCores: vm.cpus, memoryGiB: gib, diskGB: 0, networkMbps: 0 } });
  }
  doc.services = services;
  if (doc.tenants.length === 0) doc.tenants.push({ id: 'estate', name: 'Estate' });
  reporter.note(`VMs → services by ${options.groupBy}${options.groupBy === 'none' ? ' (one service per VM)' : ' and VM shape (vCPUs, memory): VMs of one group with different shapes become one service per shape'}; `
    + `counted power states: ${options.powerStates.join(', ')}; templates and SRM placeholders dropped; a VM in several merged vCenter exports (same VI SDK Server and VM UUID) counts once.`);
  reporter.note(`Storage: ${round(diskMiB / 1024 / 1024, 2)} TiB provisioned, ${round(inUseMiB / 1024 / 1024, 2)} TiB in use by the imported VMs; it lives on shared datastores, so services carry no per-host disk demand.`);

  if (hostModels.length > 0) {
    doc.hostModels = hostModels;
    doc.sites = sites;
  } else {
    reporter.warn('No vHost sheet (or no usable host rows): the hosts are not in the export.');
    const pool = defaultHostPool(services, reporter);
    doc.hostModels = pool.hostModels;
    doc.sites = pool.sites;
    hostThreads = pool.hostModels[0].cores * (pool.hostModels[0].threadsPerCore ?? 2) * (pool.sites[0].racks[0].hosts[0].count);
  }

  // VM model: whole VMs, the estate's own shapes as flavours, the estate's current vCPU overcommit.
  const flavours = [...shapes.values()].sort((a, b) => a.vcpus - b.vcpus || a.memoryGiB - b.memoryGiB)
    .map((s) => ({ id: `vm-${s.vcpus}c-${String(s.memoryGiB).replace('.', '_')}g`, vcpus: s.vcpus, memoryGiB: s.memoryGiB, diskGB: 0 }));
  const ratio = hostThreads > 0 ? vcpus / hostThreads : 1;
  const cpuOvercommit = Math.min(16, Math.max(1, Math.ceil(ratio * 2) / 2));
  doc.deployment = { vm: {
    guestOs: { cpuCores: 0, memoryGiB: 0, diskGB: 0 },
    ...(flavours.length > 0 ? { flavours } : {}),
    cpuOvercommit,
  } };
  reporter.note('VM sizes from RVTools are whole VMs (guest OS included): the imported VM model adds no guest OS, and its flavours are the estate\'s '
    + `${flavours.length} VM shape(s), so every VM plans at its configured size. The ESXi host's own overhead is the VM model's hypervisor reservation `
    + 'and per-VM overhead; host memory is the physical # Memory, not reduced by it, so nothing is counted twice.');
  if (vhost && vhost.rows.length > 0) {
    reporter.note(`The estate runs ${vcpus} vCPUs on ${hostThreads} host threads (${round(ratio, 2)}:1): the VM model's vCPU overcommit is set to ${cpuOvercommit} `
      + `(deployment.vm.cpuOvercommit; 1 plans without overcommit). Configured VM memory is ${round(vramMiB / Math.max(1, hostMemMiB) * 100, 1)} % of host memory.`);
  }
  return doc;
};
