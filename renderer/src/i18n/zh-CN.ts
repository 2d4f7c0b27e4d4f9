import type en from './en';

const zhCN: typeof en = {
  app: { title: 'Hostfit', tagline: '服务需要多少资源——以虚拟机或容器部署' },
  toolbar: {
    open: '打开…', save: '保存', saveAs: '另存为…', examples: '示例', run: '运行', cancel: '取消',
    language: '语言', unsaved: '有未保存的更改', readOnly: '只读',
  },
  examples: { 'web-tier': '小型 Web 层', 'multi-tenant': '多租户平台', fleet: '企业服务器群' },
  scenario: {
    heading: '场景', hostModels: '主机型号', sites: '站点', racks: '机架', hosts: '主机', tenants: '租户',
    services: '服务', replicas: '副本', policy: '放置策略', sizeKey: '尺寸键 {key}',
    algorithm: { ffd: '首次适应递减' },
  },
  run: { running: '正在装箱 {model}…', stage: { expand: '展开 {model}', pack: '装箱 {model}', summarise: '汇总 {model}' }, cancelled: '已取消运行。', failed: '运行失败：{message}', idle: '尚未运行。' },
  model: { vm: '虚拟机', container: '容器' },
  instance: { vm: '台虚拟机', container: '个 Pod' },
  results: {
    heading: '结果', hostsUsed: '使用主机', ofPool: '资源池共 {pool} 台', lowerBound: '下界', by: '由{dimension}决定',
    gap: '与下界差距', unplaced: '未放置', instances: '实例', placed: '已放置', utilisation: '{dimension}利用率',
    chartTitle: '使用主机数与下界', noBound: '无', table: '汇总', packer: '{algorithm}，按 {sizeKey} · {packer} 内核',
    unplacedBy: { tooLarge: '超过任何主机容量', noRoom: '没有剩余空间', maxItems: '达到 Pod 数上限', noFlavour: '没有合适的虚拟机规格' },
  },
  dimension: { cpu: 'CPU', memory: '内存', disk: '磁盘', network: '网络', items: 'Pod 槽位' },
  errors: { heading: '无法打开此文件', more: '另有 {count} 条', dismiss: '关闭', saveFailed: '保存失败：{message}' },
  notices: { dismiss: '关闭' },
};

export default zhCN;
