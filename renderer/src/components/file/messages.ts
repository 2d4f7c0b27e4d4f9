// Texts of the file prompts, English and Simplified Chinese, kept with the component that shows them.
export const fileMessages = {
  en: {
    recovery: {
      found: 'Hostfit found unsaved changes to “{name}” from {when} that were never saved.',
      more: '({count} more backups after this one)',
      restore: 'Restore', discard: 'Discard',
    },
    disk: {
      modified: '“{name}” was changed on disk by someone else.',
      deleted: '“{name}” was deleted or moved on disk; Save writes it again.',
      reload: 'Reload', dismiss: 'Dismiss',
    },
    conflict: {
      modified: '“{name}” was changed on disk since you opened it. Saving now would overwrite those changes.',
      deleted: '“{name}” was deleted or moved on disk since you opened it.',
      reload: 'Reload theirs (lose my changes)', overwrite: 'Overwrite with mine', recreate: 'Save it here again',
      saveAs: 'Save as…', cancel: 'Cancel',
    },
    busy: { opening: 'Opening “{name}”…', saving: 'Saving “{name}”…' },
    exportFailed: 'Export failed: {message}',
    drop: 'Drop a scenario file to open it, or exported files (RVTools, kubectl, Prometheus, traces) to import them',
    dismiss: 'Dismiss',
  },
  'zh-CN': {
    recovery: {
      found: 'Hostfit 找到了“{name}”在 {when} 的未保存更改。',
      more: '（之后还有 {count} 份备份）',
      restore: '恢复', discard: '丢弃',
    },
    disk: {
      modified: '“{name}”已在磁盘上被他人修改。',
      deleted: '“{name}”已在磁盘上被删除或移动；保存会重新写入。',
      reload: '重新加载', dismiss: '忽略',
    },
    conflict: {
      modified: '自打开以来，“{name}”已在磁盘上被修改。现在保存会覆盖这些修改。',
      deleted: '自打开以来，“{name}”已在磁盘上被删除或移动。',
      reload: '加载磁盘版本（放弃我的更改）', overwrite: '用我的版本覆盖', recreate: '在原处重新保存',
      saveAs: '另存为…', cancel: '取消',
    },
    busy: { opening: '正在打开“{name}”…', saving: '正在保存“{name}”…' },
    exportFailed: '导出失败：{message}',
    drop: '拖放场景文件以打开，或拖放导出文件（RVTools、kubectl、Prometheus、利用率数据）以导入',
    dismiss: '关闭',
  },
};
