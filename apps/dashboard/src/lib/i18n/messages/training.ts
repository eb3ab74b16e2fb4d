import { defineMessages } from './define.js';

/** Strings of the /training pages. */
export default defineMessages({
  en: {
    'training.title': 'How many enrolled in training?',
    'training.intro':
      '{trainees, plural, one {# training enrolment} other {# training enrolments}} from {from} to {to} at {institutions, plural, one {# institution} other {# institutions}}.',
    'training.introRate':
      '{rate, number, ::percent} of those whose outcome is recorded completed their programme.',
    'training.introNoRate': 'No programme in view records whether its trainees completed it.',
    'training.source': 'Source: Puente, data version {version}',
    'training.stackBy': 'Stack by',
    'training.by.topic': 'Topic',
    'training.by.institution': 'Institution',
    'training.volume.title': 'Training enrolments per year',
    'training.volume.caption.topic':
      'Bars: training enrolments each year, by topic. Line: the share who completed their programme, of those whose outcome is recorded (right-hand axis).',
    'training.volume.caption.institution':
      'Bars: training enrolments each year, by institution. Line: the share who completed their programme, of those whose outcome is recorded (right-hand axis).',
    'training.volume.description':
      '{trainees, plural, one {# training enrolment} other {# training enrolments}} from {from} to {to}; most in {peakYear} ({peak, number}).',
    'training.volume.descriptionRate':
      '{rate, number, ::percent} of those with a recorded outcome completed.',
    'training.completionRate': 'completion rate',
    'training.other': 'other',
    'training.bar':
      '{year}, {group}: {trainees, plural, one {# enrolment} other {# enrolments}}, {completed, number} completed',
    'training.point':
      '{year}: {rate, number, ::percent} completed ({completed, number} of {reported, number} with a recorded outcome)',
    'training.colorByCountry': 'Colours show countries: there are too many cities to tell apart by colour.',
    'training.cities.title': 'City against city',
    'training.cities.caption':
      'Training enrolments per year in each city, on the same scale so the bars compare.',
    'training.cities.total': '{trainees, plural, one {# enrolment} other {# enrolments}} in total',
    'training.cities.bar': '{city}, {year}: {trainees, plural, one {# enrolment} other {# enrolments}}',
    'training.cities.description':
      '{city}: {trainees, plural, one {# training enrolment} other {# training enrolments}}, most in {peakYear}.',
    'training.cities.hidden':
      '{count, plural, one {# more city} other {# more cities}}, with {trainees, plural, one {# enrolment} other {# enrolments}}, not drawn: filter by city to see one.',
    'training.completion.title': 'Completion rate',
    'training.completion.caption':
      'Share of trainees who completed their programme, counted only over those whose outcome is recorded.',
    'training.completion.unreported':
      '{count, plural, one {# enrolment in programmes that do not record completion is left out.} other {# enrolments in programmes that do not record completion are left out.}}',
    'training.completion.all': 'All cities',
    'training.completion.point':
      '{name}, {year}: {rate, number, ::percent} ({completed, number} of {reported, number})',
    'training.completion.description': '{name}: {rate, number, ::percent} completed.',
    'training.completion.empty': 'None of the training in view records whether people completed it.',
    'training.table.year': 'Year',
    'training.table.total': 'Total',
    'training.table.completed': 'Completed',
    'training.table.reported': 'Outcome recorded',
    'training.table.rate': 'Completion rate',
    'training.table.city': 'City',
    'training.table.trained': 'Enrolments',
    'training.empty.filtered': 'No training matches these filters.',
    'training.empty.none':
      'This programme has no training recorded yet. Load a training.csv file to see how many enrolled in training.',
    'training.empty.hint': 'Try a wider year range or fewer filters.',
    'training.introUnreported':
      '{illustrative, plural, =0 {} one {Of these, # is illustrative (not a real figure)} other {Of these, # are illustrative (not real figures)}}{estimated, plural, =0 {} other {{illustrative, plural, =0 {Of these, } other {, and }}# estimated}}.',
  },
  es: {
    'training.title': '¿Cuántas inscripciones en formación hay?',
    'training.intro':
      '{trainees, plural, one {# inscripción} other {# inscripciones}} en formación entre {from} y {to} en {institutions, plural, one {# institución} other {# instituciones}}.',
    'training.introRate':
      'El {rate, number, ::percent} de quienes tienen un resultado registrado completó su programa.',
    'training.introNoRate': 'Ningún programa de esta selección registra si sus participantes lo completaron.',
    'training.source': 'Fuente: Puente, versión de datos {version}',
    'training.stackBy': 'Agrupar por',
    'training.by.topic': 'Tema',
    'training.by.institution': 'Institución',
    'training.volume.title': 'Inscripciones en formación por año',
    'training.volume.caption.topic':
      'Barras: inscripciones en formación cada año, por tema. Línea: proporción que completó su programa, entre quienes tienen un resultado registrado (eje derecho).',
    'training.volume.caption.institution':
      'Barras: inscripciones en formación cada año, por institución. Línea: proporción que completó su programa, entre quienes tienen un resultado registrado (eje derecho).',
    'training.volume.description':
      '{trainees, plural, one {# inscripción} other {# inscripciones}} entre {from} y {to}; el año con más fue {peakYear} ({peak, number}).',
    'training.volume.descriptionRate':
      'El {rate, number, ::percent} de quienes tienen un resultado registrado completó.',
    'training.completionRate': 'tasa de finalización',
    'training.other': 'otros',
    'training.bar':
      '{year}, {group}: {trainees, plural, one {# inscripción} other {# inscripciones}}, {completed, plural, one {# la completó} other {# la completaron}}',
    'training.point':
      '{year}: completó el {rate, number, ::percent} ({completed, number} de {reported, number} con resultado registrado)',
    'training.colorByCountry':
      'Los colores indican países: hay demasiadas ciudades para distinguirlas por color.',
    'training.cities.title': 'Ciudad frente a ciudad',
    'training.cities.caption':
      'Inscripciones en formación por año en cada ciudad, con la misma escala para poder comparar las barras.',
    'training.cities.total': '{trainees, plural, one {# inscripción} other {# inscripciones}} en total',
    'training.cities.bar': '{city}, {year}: {trainees, plural, one {# inscripción} other {# inscripciones}}',
    'training.cities.description':
      '{city}: {trainees, plural, one {# inscripción} other {# inscripciones}}; el año con más fue {peakYear}.',
    'training.cities.hidden':
      '{count, plural, one {# ciudad más} other {# ciudades más}}, con {trainees, plural, one {# inscripción} other {# inscripciones}}, sin dibujar: filtre por ciudad para ver una.',
    'training.completion.title': 'Tasa de finalización',
    'training.completion.caption':
      'Proporción de participantes que completaron su programa, calculada solo sobre quienes tienen un resultado registrado.',
    'training.completion.unreported':
      'No se cuentan {count, plural, one {# inscripción} other {# inscripciones}} en programas que no registran la finalización.',
    'training.completion.all': 'Todas las ciudades',
    'training.completion.point':
      '{name}, {year}: {rate, number, ::percent} ({completed, number} de {reported, number})',
    'training.completion.description': '{name}: completó el {rate, number, ::percent}.',
    'training.completion.empty':
      'Ninguna formación de esta selección registra si las personas la completaron.',
    'training.table.year': 'Año',
    'training.table.total': 'Total',
    'training.table.completed': 'Completaron',
    'training.table.reported': 'Con resultado registrado',
    'training.table.rate': 'Tasa de finalización',
    'training.table.city': 'Ciudad',
    'training.table.trained': 'Inscripciones',
    'training.empty.filtered': 'Ninguna formación coincide con estos filtros.',
    'training.empty.none':
      'Este programa aún no tiene formación registrada. Cargue un archivo training.csv para ver cuántas inscripciones en formación hay.',
    'training.empty.hint': 'Pruebe con un intervalo de años más amplio o con menos filtros.',
    'training.introUnreported':
      '{illustrative, plural, =0 {} one {De ellas, # es ilustrativa (no es una cifra real)} other {De ellas, # son ilustrativas (no son cifras reales)}}{estimated, plural, =0 {} other {{illustrative, plural, =0 {De ellas, } other {, y }}# según estimaciones}}.',
  },
  zh: {
    'training.title': '培训了多少人次？',
    'training.intro': '{from}—{to} 年间，{institutions, number} 家机构共培训 {trainees, number} 人次。',
    'training.introRate': '在有结业记录的学员中，{rate, number, ::percent} 完成了培训。',
    'training.introNoRate': '当前筛选范围内的培训项目均未记录学员是否结业。',
    'training.source': '来源：Puente，数据版本 {version}',
    'training.stackBy': '分组方式',
    'training.by.topic': '主题',
    'training.by.institution': '机构',
    'training.volume.title': '每年培训人次',
    'training.volume.caption.topic':
      '柱形：每年培训人次，按主题分组。折线：在有结业记录的学员中完成培训的比例（右侧坐标轴）。',
    'training.volume.caption.institution':
      '柱形：每年培训人次，按机构分组。折线：在有结业记录的学员中完成培训的比例（右侧坐标轴）。',
    'training.volume.description':
      '{from}—{to} 年共培训 {trainees, number} 人次；{peakYear} 年最多（{peak, number} 人次）。',
    'training.volume.descriptionRate': '有结业记录的学员中 {rate, number, ::percent} 完成了培训。',
    'training.completionRate': '结业率',
    'training.other': '其他',
    'training.bar': '{year} 年，{group}：培训 {trainees, number} 人次，结业 {completed, number} 人次',
    'training.point':
      '{year} 年：结业率 {rate, number, ::percent}（有结业记录的 {reported, number} 人次中 {completed, number} 人次结业）',
    'training.colorByCountry': '颜色表示国家：城市过多，无法用颜色区分。',
    'training.cities.title': '城市对比',
    'training.cities.caption': '各城市每年的培训人次，采用相同刻度，便于比较柱形高低。',
    'training.cities.total': '共 {trainees, number} 人次',
    'training.cities.bar': '{city}，{year} 年：培训 {trainees, number} 人次',
    'training.cities.description': '{city}：共培训 {trainees, number} 人次，{peakYear} 年最多。',
    'training.cities.hidden':
      '另有 {count, number} 座城市（培训 {trainees, number} 人次）未绘出：按城市筛选即可查看。',
    'training.completion.title': '结业率',
    'training.completion.caption': '完成培训的学员比例，仅按有结业记录的学员计算。',
    'training.completion.unreported': '未记录结业情况的培训项目中的 {count, number} 人次不计入。',
    'training.completion.all': '所有城市',
    'training.completion.point':
      '{name}，{year} 年：{rate, number, ::percent}（{reported, number} 人次中 {completed, number} 人次）',
    'training.completion.description': '{name}：结业率 {rate, number, ::percent}。',
    'training.completion.empty': '当前筛选范围内的培训均未记录学员是否结业。',
    'training.table.year': '年份',
    'training.table.total': '合计',
    'training.table.completed': '结业人次',
    'training.table.reported': '有结业记录人数',
    'training.table.rate': '结业率',
    'training.table.city': '城市',
    'training.table.trained': '培训人次',
    'training.empty.filtered': '没有符合当前筛选条件的培训记录。',
    'training.empty.none': '该项目尚无培训记录。请导入 training.csv 文件以查看培训人次。',
    'training.empty.hint': '请尝试扩大年份范围或减少筛选条件。',
    'training.introUnreported':
      '{illustrative, plural, =0 {} other {其中 {illustrative, number} 人次为示意数据（并非真实数字）}}{estimated, plural, =0 {} other {{illustrative, plural, =0 {其中} other {，}}{estimated, number} 人次为估计数据}}。',
  },
});
