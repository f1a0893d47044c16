import { it } from 'vitest';
import { baseDoc, baseNotice } from '/work/main/domain/src/checks/__tests__/fixtures';
import { runAll } from '/work/main/domain/src/checks/__tests__/format-helpers';
it('peek', () => {
  const cases = [
    baseDoc({ docNo: '县政发[24]第018', date: '2024年06月3日', note: '(联系人：张某)', attachmentNote: ['附件:1、经费测算表。', '3、受灾情况统计；'], title: '【加急】某县人民政府关于追加防汛经费的请示报告。', body: '某市人民政府:\n一.总体要求\n1、加强\n(1)明确\n根据国发〔2023〕5号文件精神\n-2-\n抄送:某市财政局\n某县人民政府办公室2024年06月05日印发' }),
  ];
  for (const c of cases) for (const f of runAll(c)) console.log(f.severity, f.rule, f.path, f.message);
});
