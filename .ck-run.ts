import { checkJson } from '@xietiao/domain/checks/index';
const O = (id: string, name: string, kind: string, level: number, superiors: string[] = [], parent: string | null = null) => ({ id, name, kind, level, superiors, parent });
const organs = [
  O('province_gov', '某省人民政府', '政府', 2),
  O('city_gov', '某市人民政府', '政府', 3, ['province_gov']),
  O('city_office', '某市人民政府办公室', '办公厅室', 3, [], 'city_gov'),
  O('city_party', '中共某市委员会', '党委', 3),
  O('county_a', '甲县人民政府', '政府', 4, ['city_gov']),
  O('county_b', '乙县人民政府', '政府', 4, ['city_gov']),
  O('town_a', '甲县某镇人民政府', '政府', 5, ['county_a']),
  O('fin', '某市财政局', '部门', 3, [], 'city_gov'),
];
const doc = JSON.parse(process.argv[2] ?? '{}');
const base = { type: '请示', issuers: [{ organ: 'county_a', lead: true }], title: '', mainTo: [], body: '' };
console.log(JSON.stringify(checkJson({ organs, document: { ...base, ...doc } }), null, 1));
