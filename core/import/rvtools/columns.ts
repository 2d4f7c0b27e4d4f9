// RVTools headers Hostfit reads, matched by name (never by position: the column set changes between
// versions), in both dialects: the 4.x display names and the internal names some exports carry (vInfoVMName,
// vHostNumCpuCores, …; RVToolsMerge's mapping table), plus PowerCLI Export-Csv names. Matching ignores case
// and repeated spaces. `unit` says what the column's numbers are before the magnitude check (bytes are
// recognised by size, imports.md §1.4).
export interface ColumnSpec {
  readonly aliases: readonly string[];
  /** MiB per unit of the named alias (GB columns of PowerCLI: 1024); default 1. */
  readonly gib?: readonly string[];
}

export const VINFO = {
  vm: { aliases: ['VM', 'vInfoVMName', 'VM Name', 'Name'] },
  power: { aliases: ['Powerstate', 'vInfoPowerstate', 'Power State', 'PowerState'] },
  template: { aliases: ['Template', 'vInfoTemplate'] },
  srm: { aliases: ['SRM Placeholder', 'vInfoSRMPlaceHolder', 'vInfoSRMPlaceholder'] },
  cpus: { aliases: ['CPUs', 'vInfoCPUs', 'NumCpu', 'Num CPU'] },
  memory: { aliases: ['Memory', 'vInfoMemory', 'Memory MiB', 'Memory MB', 'MemoryMB', 'MemoryGB', 'Memory GB'], gib: ['MemoryGB', 'Memory GB'] },
  provisioned: { aliases: ['Provisioned MiB', 'Provisioned MB', 'vInfoProvisioned', 'ProvisionedSpaceGB'], gib: ['ProvisionedSpaceGB'] },
  inUse: { aliases: ['In Use MiB', 'In Use MB', 'vInfoInUse', 'UsedSpaceGB'], gib: ['UsedSpaceGB'] },
  datacenter: { aliases: ['Datacenter', 'vInfoDataCenter', 'vInfoDatacenter'] },
  cluster: { aliases: ['Cluster', 'vInfoCluster'] },
  host: { aliases: ['Host', 'vInfoHost', 'VMHost'] },
  folder: { aliases: ['Folder', 'vInfoFolder'] },
  uuid: { aliases: ['VM UUID', 'vInfoUUID', 'VM ID', 'vInfoVMID', 'Id'] },
  server: { aliases: ['VI SDK Server', 'vInfoVISDKServer'] },
} satisfies Record<string, ColumnSpec>;

export const VHOST = {
  host: { aliases: ['Host', 'vHostName', 'Name'] },
  datacenter: { aliases: ['Datacenter', 'vHostDatacenter', 'vHostDataCenter'] },
  cluster: { aliases: ['Cluster', 'vHostCluster', 'Parent'] },
  vendor: { aliases: ['Vendor', 'vHostVendor', 'Manufacturer'] },
  model: { aliases: ['Model', 'vHostModel'] },
  cpuModel: { aliases: ['CPU Model', 'vHostCpuModel', 'ProcessorType'] },
  speed: { aliases: ['Speed', 'vHostCpuMhz'] },
  sockets: { aliases: ['# CPU', 'vHostNumCPU', 'vHostNumCpu'] },
  coresPerCpu: { aliases: ['Cores per CPU', 'vHostCoresPerCPU'] },
  cores: { aliases: ['# Cores', 'vHostNumCpuCores', 'NumCpu'] },
  memory: { aliases: ['# Memory', 'vHostMemorySize', 'MemoryTotalMB', 'MemoryTotalGB'], gib: ['MemoryTotalGB'] },
  htActive: { aliases: ['HT Active', 'vHostHTActive', 'HyperthreadingActive'] },
  maintenance: { aliases: ['in Maintenance Mode', 'vHostInMaintenanceMode'] },
  server: { aliases: ['VI SDK Server', 'vHostVISDKServer'] },
} satisfies Record<string, ColumnSpec>;

export const VCLUSTER = {
  name: { aliases: ['Name', 'vClusterName', 'Cluster'] },
  ha: { aliases: ['HA enabled', 'vClusterHAEnabled'] },
  failover: { aliases: ['Failover Level', 'vClusterFailoverLevel'] },
} satisfies Record<string, ColumnSpec>;

export const VMETADATA = {
  version: { aliases: ['RVTools version', 'RVTools major version'] },
  created: { aliases: ['xlsx creation datetime', 'csv creation datetime'] },
  server: { aliases: ['Server'] },
} satisfies Record<string, ColumnSpec>;
