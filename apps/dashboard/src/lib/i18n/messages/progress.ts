import { defineMessages } from './define.js';

/** Strings of the /progress pages. */
export default defineMessages({
  en: {
    'progress.title': 'How far have the partnerships come?',
    'progress.intro':
      '{partnerships, plural, one {# partnership} other {# partnerships}}: {moving, plural, one {# is} other {# are}} agreed or active, {stalled, plural, =0 {none has stalled} one {# has stalled} other {# have stalled}}.',
    'progress.asOf': 'As of {date}',
    'progress.source': 'Source: Puente, data version {version}',
    'progress.funnel.title': 'Partnerships by status',
    'progress.funnel.caption':
      'Partnerships move from proposed to completed. The light bar counts those that reached a stage, the dark core those at that stage now; paused and cancelled ones are set aside.',
    'progress.funnel.reached': 'reached this stage',
    'progress.funnel.count': 'at this stage now',
    'progress.funnel.value': '{count, number} now · {reached, number} reached',
    'progress.funnel.item': '{status}: {count, number} now, {reached, number} reached',
    'progress.funnel.description':
      '{partnerships, plural, one {# partnership} other {# partnerships}}. {stages}.',
    'progress.table.status': 'Status',
    'progress.table.now': 'At this stage now',
    'progress.table.reached': 'Reached this stage',
    'progress.table.conversion': 'Of the previous stage',
    'progress.table.partnership': 'Partnership',
    'progress.table.partners': 'Partners',
    'progress.table.date': 'Date',
    'progress.table.milestone': 'Milestone',
    'progress.table.kind': 'Kind',
    'progress.table.lastDone': 'Last milestone done',
    'progress.table.nextPlanned': 'Next planned',
    'progress.never': 'never',
    'progress.none': 'none',
    'progress.timeline.title': 'Milestones by partnership',
    'progress.timeline.caption':
      'Each row is a partnership and each mark a milestone. Late means planned but past its date, neither done nor marked missed. The dashed line is today, {date}.',
    'progress.timeline.description':
      '{rows, plural, one {# partnership} other {# partnerships}}, {milestones, plural, one {# milestone} other {# milestones}}: {done, number} done, {planned, number} planned, {overdue, number} late, {missed, number} missed.',
    'progress.timeline.mark': '{date}: {title} ({status})',
    'progress.timeline.noMilestones': 'no milestones recorded',
    'progress.timeline.hidden':
      'Showing the {shown, number} of {total, number} partnerships that most need attention; narrow the filters to see others.',
    'progress.stalled.more':
      'Showing {shown, number} of {total, number}; narrow the filters to see the others.',
    'progress.stalled.showAll': '{count, plural, one {Show the # listed} other {Show all # listed}}',
    'progress.timeline.stalled': 'stalled',
    'progress.timeline.empty': 'No partnership matches these filters.',
    'progress.mark.done': 'done',
    'progress.mark.planned': 'planned',
    'progress.mark.overdue': 'late',
    'progress.mark.missed': 'missed',
    'progress.mark.other': 'other',
    'progress.mark.today': 'Today',
    'progress.mark.unreported': 'estimated or illustrative',
    'progress.upcoming.title': 'Next 90 days',
    'progress.upcoming.caption': 'Milestones planned from {from} to {until}.',
    'progress.upcoming.none': 'No milestone is planned in the next 90 days.',
    'progress.upcoming.next':
      'The next {count, plural, one {one comes} other {# come}} on {date}, in {days, plural, one {# day} other {# days}}:',
    'progress.upcoming.nothing': 'Nothing is planned after today.',
    'progress.upcoming.in': '{days, plural, =0 {due today} one {in # day} other {in # days}}',
    'progress.upcoming.more': '… and {count, number} more. Narrow the filters to list them.',
    'progress.upcoming.overdue':
      '{count, plural, one {# planned milestone is past its date:} other {# planned milestones are past their date:}}',
    'progress.stalled.title': 'Stalled partnerships',
    'progress.stalled.caption':
      'Agreed or active partnerships with milestones recorded but none done in the last 180 days.',
    'progress.stalled.none':
      'No partnership has stalled: every agreed or active one with milestones recorded has done one in the last 180 days.',
    'progress.unrecorded.title': 'No milestones recorded',
    'progress.unrecorded.caption':
      'Agreed or active partnerships with no milestone in the data: not stalled, not on track — their progress is simply not recorded. Adding their milestones to milestones.csv tells which.',
    'progress.timeline.unrecorded': 'no milestones recorded',
    'progress.empty.none':
      'This programme has no partnerships yet. Load a partnerships.csv file to follow how they progress.',
    'progress.empty.filtered': 'No partnership matches these filters.',
  },
  es: {
    'progress.title': '¿Cuánto han avanzado las colaboraciones?',
    'progress.intro':
      '{partnerships, plural, one {# colaboración} other {# colaboraciones}}: {moving, plural, one {# está acordada o activa} other {# están acordadas o activas}}; {stalled, plural, =0 {ninguna está estancada} one {# está estancada} other {# están estancadas}}.',
    'progress.asOf': 'A fecha de {date}',
    'progress.source': 'Fuente: Puente, versión de datos {version}',
    'progress.funnel.title': 'Colaboraciones por estado',
    'progress.funnel.caption':
      'Las colaboraciones avanzan de propuesta a completada. La barra clara cuenta las que llegaron a cada etapa y el núcleo oscuro las que están en ella ahora; las pausadas y canceladas se muestran aparte.',
    'progress.funnel.reached': 'llegaron a esta etapa',
    'progress.funnel.count': 'en esta etapa ahora',
    'progress.funnel.value': '{count, number} ahora · {reached, plural, one {# llegó} other {# llegaron}}',
    'progress.funnel.item':
      '{status}: {count, number} ahora, {reached, plural, one {# llegó} other {# llegaron}}',
    'progress.funnel.description':
      '{partnerships, plural, one {# colaboración} other {# colaboraciones}}. {stages}.',
    'progress.table.status': 'Estado',
    'progress.table.now': 'En esta etapa ahora',
    'progress.table.reached': 'Llegaron a esta etapa',
    'progress.table.conversion': 'De la etapa anterior',
    'progress.table.partnership': 'Colaboración',
    'progress.table.partners': 'Socios',
    'progress.table.date': 'Fecha',
    'progress.table.milestone': 'Hito',
    'progress.table.kind': 'Tipo',
    'progress.table.lastDone': 'Último hito cumplido',
    'progress.table.nextPlanned': 'Próximo previsto',
    'progress.never': 'nunca',
    'progress.none': 'ninguno',
    'progress.timeline.title': 'Hitos por colaboración',
    'progress.timeline.caption':
      'Cada fila es una colaboración y cada marca un hito. Retrasado significa previsto con la fecha ya pasada, sin cumplir ni marcado como no cumplido. La línea discontinua es hoy, {date}.',
    'progress.timeline.description':
      '{rows, plural, one {# colaboración} other {# colaboraciones}}, {milestones, plural, one {# hito} other {# hitos}}: {done, plural, one {# cumplido} other {# cumplidos}}, {planned, plural, one {# previsto} other {# previstos}}, {overdue, plural, one {# retrasado} other {# retrasados}}, {missed, plural, one {# no cumplido} other {# no cumplidos}}.',
    'progress.timeline.mark': '{date}: {title} ({status})',
    'progress.timeline.noMilestones': 'sin hitos registrados',
    'progress.timeline.hidden':
      '{shown, plural, one {Se muestra #} other {Se muestran las #}} de {total, plural, one {# colaboración} other {# colaboraciones}} que más atención necesitan; acote los filtros para ver las demás.',
    'progress.stalled.more':
      'Se muestran {shown, number} de {total, number}; acote los filtros para ver las demás.',
    'progress.stalled.showAll':
      '{count, plural, one {Mostrar la # de la lista} other {Mostrar las # de la lista}}',
    'progress.timeline.stalled': 'estancada',
    'progress.timeline.empty': 'Ninguna colaboración coincide con estos filtros.',
    'progress.mark.done': 'cumplido',
    'progress.mark.planned': 'previsto',
    'progress.mark.overdue': 'retrasado',
    'progress.mark.missed': 'no cumplido',
    'progress.mark.other': 'otro',
    'progress.mark.today': 'Hoy',
    'progress.mark.unreported': 'estimado o ilustrativo',
    'progress.upcoming.title': 'Próximos 90 días',
    'progress.upcoming.caption': 'Hitos previstos del {from} al {until}.',
    'progress.upcoming.none': 'No hay ningún hito previsto en los próximos 90 días.',
    'progress.upcoming.next':
      '{count, plural, one {El siguiente llega} other {Los # siguientes llegan}} el {date}, dentro de {days, plural, one {# día} other {# días}}:',
    'progress.upcoming.nothing': 'No hay nada previsto a partir de hoy.',
    'progress.upcoming.in': '{days, plural, =0 {vence hoy} one {dentro de # día} other {dentro de # días}}',
    'progress.upcoming.more': '… y {count, number} más. Acote los filtros para verlos.',
    'progress.upcoming.overdue':
      '{count, plural, one {# hito previsto ha superado su fecha} other {# hitos previstos han superado su fecha}}:',
    'progress.stalled.title': 'Colaboraciones estancadas',
    'progress.stalled.caption':
      'Colaboraciones acordadas o activas con hitos registrados pero ninguno cumplido en los últimos 180 días.',
    'progress.stalled.none':
      'Ninguna colaboración está estancada: todas las acordadas o activas con hitos registrados han cumplido alguno en los últimos 180 días.',
    'progress.unrecorded.title': 'Sin hitos registrados',
    'progress.unrecorded.caption':
      'Colaboraciones acordadas o activas sin ningún hito en los datos: ni estancadas ni al día, simplemente su avance no está registrado. Añadir sus hitos a milestones.csv lo aclara.',
    'progress.timeline.unrecorded': 'sin hitos registrados',
    'progress.empty.none':
      'Este programa aún no tiene colaboraciones. Cargue un archivo partnerships.csv para seguir su avance.',
    'progress.empty.filtered': 'Ninguna colaboración coincide con estos filtros.',
  },
  zh: {
    'progress.title': '各项合作进展到哪一步了？',
    'progress.intro':
      '共 {partnerships, number} 项合作：{moving, number} 项已达成协议或进行中，{stalled, plural, =0 {没有停滞的合作} other {# 项已停滞}}。',
    'progress.asOf': '截至 {date}',
    'progress.source': '来源：Puente，数据版本 {version}',
    'progress.funnel.title': '各状态的合作项目',
    'progress.funnel.caption':
      '合作项目从“已提议”逐步推进到“已完成”。浅色条表示曾到达该阶段的项目数，深色部分表示目前处于该阶段的项目数；已暂停和已取消的项目单独列出。',
    'progress.funnel.reached': '曾到达该阶段',
    'progress.funnel.count': '目前处于该阶段',
    'progress.funnel.value': '目前 {count, number} · 曾到达 {reached, number}',
    'progress.funnel.item': '{status}：目前 {count, number} 项，曾到达 {reached, number} 项',
    'progress.funnel.description': '共 {partnerships, number} 项合作。{stages}。',
    'progress.table.status': '状态',
    'progress.table.now': '目前处于该阶段',
    'progress.table.reached': '曾到达该阶段',
    'progress.table.conversion': '占上一阶段',
    'progress.table.partnership': '合作项目',
    'progress.table.partners': '合作伙伴',
    'progress.table.date': '日期',
    'progress.table.milestone': '里程碑',
    'progress.table.kind': '类别',
    'progress.table.lastDone': '上次完成',
    'progress.table.nextPlanned': '下次计划',
    'progress.never': '从未',
    'progress.none': '无',
    'progress.timeline.title': '各合作项目的里程碑',
    'progress.timeline.caption':
      '每一行代表一项合作，每个标记代表一个里程碑。“已逾期”指计划日期已过、但既未完成也未标记为未按期完成的里程碑。虚线表示今天（{date}）。',
    'progress.timeline.description':
      '{rows, number} 项合作，{milestones, number} 个里程碑：已完成 {done, number} 个，计划中 {planned, number} 个，已逾期 {overdue, number} 个，未按期完成 {missed, number} 个。',
    'progress.timeline.mark': '{date}：{title}（{status}）',
    'progress.timeline.noMilestones': '尚无里程碑记录',
    'progress.timeline.hidden':
      '显示 {total, number} 项合作中最需要关注的 {shown, number} 项；缩小筛选范围可查看其他合作。',
    'progress.stalled.more': '显示 {total, number} 项中的 {shown, number} 项；缩小筛选范围可查看其余项目。',
    'progress.stalled.showAll': '显示列出的全部 {count, number} 项',
    'progress.timeline.stalled': '已停滞',
    'progress.timeline.empty': '没有符合当前筛选条件的合作项目。',
    'progress.mark.done': '已完成',
    'progress.mark.planned': '计划中',
    'progress.mark.overdue': '已逾期',
    'progress.mark.missed': '未按期完成',
    'progress.mark.other': '其他',
    'progress.mark.today': '今天',
    'progress.mark.unreported': '估计或示意数据',
    'progress.upcoming.title': '未来 90 天',
    'progress.upcoming.caption': '{from}至{until}期间计划的里程碑。',
    'progress.upcoming.none': '未来 90 天内没有计划中的里程碑。',
    'progress.upcoming.next': '下一批里程碑（{count, number} 个）将于{date}到来，距今 {days, number} 天：',
    'progress.upcoming.nothing': '今天之后没有任何计划。',
    'progress.upcoming.in': '{days, plural, =0 {今天到期} other {# 天后}}',
    'progress.upcoming.more': '……另有 {count, number} 个。请缩小筛选范围以查看。',
    'progress.upcoming.overdue': '{count, number} 个计划中的里程碑已超过计划日期：',
    'progress.stalled.title': '停滞的合作',
    'progress.stalled.caption':
      '已达成协议或进行中、有里程碑记录但过去 180 天内没有完成任何里程碑的合作项目。',
    'progress.stalled.none':
      '没有停滞的合作：所有有里程碑记录的已达成协议或进行中的合作在过去 180 天内都完成过里程碑。',
    'progress.unrecorded.title': '尚无里程碑记录',
    'progress.unrecorded.caption':
      '数据中没有任何里程碑的已达成协议或进行中的合作：既不能算停滞，也不能算按期推进，只是进展尚未记录。在 milestones.csv 中补充其里程碑即可判断。',
    'progress.timeline.unrecorded': '尚无里程碑记录',
    'progress.empty.none': '该项目尚无合作记录。请导入 partnerships.csv 文件以跟踪合作进展。',
    'progress.empty.filtered': '没有符合当前筛选条件的合作项目。',
  },
});
