/**
 * Document font names and the bundled family each maps to: used by fontconfig.ts (Linux child
 * processes) and by the print harness's @font-face rules (harness.ts). Pure data, no imports.
 */
export const fontAliases: Record<string, 'Noto Serif SC' | 'Noto Sans SC'> = {
  宋体: 'Noto Serif SC',
  SimSun: 'Noto Serif SC',
  新宋体: 'Noto Serif SC',
  NSimSun: 'Noto Serif SC',
  仿宋: 'Noto Serif SC',
  仿宋_GB2312: 'Noto Serif SC',
  FangSong: 'Noto Serif SC',
  FangSong_GB2312: 'Noto Serif SC',
  楷体: 'Noto Serif SC',
  楷体_GB2312: 'Noto Serif SC',
  KaiTi: 'Noto Serif SC',
  KaiTi_GB2312: 'Noto Serif SC',
  方正小标宋简体: 'Noto Serif SC',
  方正小标宋_GBK: 'Noto Serif SC',
  华文中宋: 'Noto Serif SC',
  STSong: 'Noto Serif SC',
  STZhongsong: 'Noto Serif SC',
  黑体: 'Noto Sans SC',
  SimHei: 'Noto Sans SC',
  微软雅黑: 'Noto Sans SC',
  'Microsoft YaHei': 'Noto Sans SC',
  等线: 'Noto Sans SC',
  DengXian: 'Noto Sans SC',
};
