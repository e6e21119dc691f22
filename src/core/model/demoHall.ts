import type { HallSetup } from './hallSetup';

/** The units of the demo hall: name, number of windows, staff at each of them. */
const UNITS: { id: string; name: string; windows: number; staffPerWindow: number[] }[] = [
  { id: 'u-zonghe', name: '综合受理窗口', windows: 10, staffPerWindow: [2, 2, 2, 2, 1, 1, 1, 1, 1, 1] },
  { id: 'u-shichang', name: '市场监督管理局', windows: 6, staffPerWindow: [2, 2, 2, 1, 1, 1] },
  { id: 'u-shuiwu', name: '税务局', windows: 6, staffPerWindow: [2, 2, 2, 1, 1, 1] },
  { id: 'u-renshe', name: '人力资源和社会保障局', windows: 5, staffPerWindow: [2, 2, 2, 1, 1] },
  { id: 'u-gongan', name: '公安局', windows: 4, staffPerWindow: [2, 2, 2, 1] },
  { id: 'u-budongchan', name: '不动产登记中心', windows: 4, staffPerWindow: [2, 2, 2, 1] },
  { id: 'u-yibao', name: '医疗保障局', windows: 3, staffPerWindow: [2, 1, 1] },
  { id: 'u-gongjijin', name: '住房公积金中心', windows: 2, staffPerWindow: [1, 1] },
];

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = ['丽', '伟', '芳', '敏', '静', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '晓东', '海燕', '建华', '文静', '子涵', '欣怡', '浩然', '雨桐', '俊杰', '思远'];

/**
 * The demo hall: 40 windows of 8 units, 60 staff, a chief per unit, drawn as two rows of counters facing a waiting
 * area. Deterministic (names are picked by index), so the tablet and the server seed the same hall.
 */
export function demoHall(): HallSetup {
  const units = UNITS.map((u) => ({ id: u.id, name: u.name }));
  const windows: HallSetup['roster']['windows'] = [];
  const staff: HallSetup['roster']['staff'] = [];
  let number = 1;
  let person = 0;
  for (const u of UNITS) {
    for (let i = 0; i < u.windows; i++) {
      const id = `w-${String(number).padStart(2, '0')}`;
      windows.push({ id, number: String(number), name: `${number}号窗口`, unitId: u.id });
      for (let k = 0; k < (u.staffPerWindow[i] ?? 1); k++) {
        staff.push({ id: `s-${String(person + 1).padStart(3, '0')}`, name: nameOf(person), unitId: u.id, windowId: id });
        person++;
      }
      number++;
    }
  }
  const chiefs = UNITS.map((u, i) => ({ id: `c-${u.id.slice(2)}`, name: nameOf(100 + i * 7), unitId: u.id }));

  // Two rows of 20 counters along the north and south walls, zones by unit, entrance in the middle of the west wall.
  const tileW = 2.4;
  const tileH = 2;
  const tiles = windows.map((w, i) => {
    const row = i < 20 ? 0 : 1;
    const col = i % 20;
    return { windowId: w.id, x: 1 + col * (tileW + 0.2), y: row === 0 ? 1 : 15, w: tileW, h: tileH };
  });
  const zones: HallSetup['layout']['zones'] = [];
  let start = 0;
  for (const u of UNITS) {
    const mine = tiles.slice(start, start + u.windows);
    start += u.windows;
    for (const rowTiles of [mine.filter((t) => t.y === 1), mine.filter((t) => t.y !== 1)]) {
      const first = rowTiles[0];
      const last = rowTiles[rowTiles.length - 1];
      if (!first || !last) continue;
      zones.push({ id: `z-${u.id.slice(2)}-${first.y}`, name: u.name, x: first.x - 0.1, y: first.y - 0.6, w: last.x + last.w - first.x + 0.2, h: tileH + 0.8 });
    }
  }
  return {
    roster: { hall: { id: 'demo-hall', name: '示范政务服务大厅', timeZone: 'Asia/Shanghai' }, units, windows, staff, chiefs },
    layout: { width: 53, height: 18.5, zones, tiles, entrance: { x: 0, y: 7.5, w: 0.6, h: 3.5 } },
    schemes: [
      { id: 'kunqu-window-staff', version: 1, subject: 'staff' },
      { id: 'county-window-monthly', version: 1, subject: 'window' },
      { id: 'anshan-stationed-unit', version: 1, subject: 'unit' },
    ],
    opening: { morning: ['08:30', '11:30'], afternoon: ['13:00', '17:00'] },
  };
}

function nameOf(i: number): string {
  return (SURNAMES[(i * 7) % SURNAMES.length] ?? '王') + (GIVEN[(i * 11) % GIVEN.length] ?? '丽');
}
