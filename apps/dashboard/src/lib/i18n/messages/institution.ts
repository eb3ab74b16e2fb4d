import { defineMessages } from './define.js';

/** Strings of the /institutions/{id} pages, and of the error page. */
export default defineMessages({
  en: {
    'institution.kind': 'Institution',
    'institution.profile': 'Profile',
    'institution.ownName': 'Name in its own language',
    'institution.location': 'Location',
    'institution.website': 'Website',
    'institution.external': '(opens another website)',
    'institution.coordinates': 'Coordinates',
    'institution.latitude': '{value}° {hemisphere, select, north {N} other {S}}',
    'institution.longitude': '{value}° {hemisphere, select, east {E} other {W}}',
    'institution.figures': 'Key figures of {name}',
    'institution.partnersCount': 'Partners',
    'institution.partnershipsCount': 'Partnerships',
    'institution.partnershipsListed':
      'The {shown, number} most recently started of its {total, number} partnerships are listed.',
    'institution.milestonesListed':
      'The latest {shown, number} of the {total, number} milestones of the listed partnerships are shown.',
    'institution.milestonesDone': 'Milestones done',
    'institution.milestonesDetail': '{planned, number} planned · {missed, number} missed',
    'institution.place': '{city}, {country}',
    'institution.coordinatesValue': '{latitude}, {longitude}',
    'institution.completion': '{rate, number, ::percent} completed',

    'institution.network.title': 'Partners of {name}',
    'institution.network.caption':
      '{name} and the institutions it works with; lines between partners are their own partnerships. Circles are coloured by city and sized by partnerships; lines are drawn by status. Select a partner to open its page.',
    'institution.network.description':
      '{name} and {partners, plural, one {# partner} other {# partners}}, linked by {links, plural, one {# partnership} other {# partnerships}}.',
    'institution.network.empty':
      '{name} has no partnerships yet. Once one is recorded in partnerships.csv, its partners appear here.',
    'institution.network.legend': 'Legend of the network',
    'institution.network.self':
      '{name} (this institution): {trained, plural, one {# enrolment} other {# enrolments}}',
    'institution.network.node':
      '{name} — {city}, {type}: {trained, plural, one {# enrolment} other {# enrolments}}. Open its page',
    'institution.network.link':
      '{source} – {target}: {area}, {status}, {done, number} of {total, number} milestones done',
    'institution.partners.title': 'Partners',
    'institution.partners.empty': 'No partners yet.',
    'institution.partners.count': '{count, plural, one {# partnership} other {# partnerships}}',

    'institution.partnerships.title': 'Partnerships',
    'institution.partnerships.caption':
      'Each partnership with its area, status and milestone record. A partnership is stalled when it is agreed or active, has milestones recorded, and none has been done in the last 180 days.',
    'institution.partnerships.empty': '{name} has no partnerships yet.',
    'institution.partnerships.untitled': 'Untitled partnership',
    'institution.partnerships.partner': 'Partner',
    'institution.partnerships.date.proposed': 'Proposed on',
    'institution.partnerships.date.agreed': 'Agreed on',
    'institution.partnerships.date.started': 'Started on',
    'institution.partnerships.date.dated': 'Date',
    'institution.partnerships.milestones': 'Milestones',
    'institution.partnerships.record':
      '{done, number} done · {planned, number} planned · {missed, number} missed',
    'institution.partnerships.lastDone': 'Last done',
    'institution.partnerships.nextPlanned': 'Next planned',
    'institution.partnerships.none': 'none',
    'institution.partnerships.stalled': 'Stalled',
    'institution.partnerships.stalledHint': 'No milestone done in the last 180 days',
    'institution.partnerships.unrecorded': 'No milestones recorded',
    'institution.partnerships.unrecordedHint':
      'Agreed or active, with no milestone in the data: its progress is not recorded.',

    'institution.training.title': 'Training at {name}',
    'institution.training.caption':
      'Training enrolments each year, stacked by topic (or programme, when it has no topic). The line is the share who completed, counted only over the programmes that report completion.',
    'institution.training.captionNoRate':
      'Training enrolments each year, stacked by topic (or programme, when it has no topic).',
    'institution.training.description':
      '{trainees, plural, one {# training enrolment} other {# training enrolments}} from {from} to {to} in {topics, plural, one {# topic} other {# topics}}.',
    'institution.training.rateSummary': '{rate, number, ::percent} of those reported completed.',
    'institution.training.summary': '{facts} {rate}',
    'institution.training.empty':
      '{name} has no training records yet. Rows in training.csv with its id will show here.',
    'institution.training.rate': 'Completion rate',
    'institution.training.other': 'Other topics',
    'institution.training.year': 'Year',
    'institution.training.topic': 'Topic or programme',
    'institution.training.trainees': 'Training enrolments',
    'institution.training.completed': 'Completed',
    'institution.training.notReported': 'not reported',
    'institution.training.total': 'All years',
    'institution.training.bar': '{year}, {topic}: {trainees, plural, one {# enrolment} other {# enrolments}}',
    'institution.training.point': '{year}: {rate, number, ::percent} completed',
    'institution.training.noRate': 'No programme reports completion, so there is no completion rate.',

    'institution.milestones.title': 'Milestones',
    'institution.milestones.caption': 'Milestones of its partnerships, by date.',
    'institution.milestones.empty': 'No milestones recorded for its partnerships yet.',
    'institution.milestones.date': 'Date',
    'institution.milestones.name': 'Milestone',
    'institution.milestones.kind': 'Kind',
    'institution.milestones.status': 'Status',
    'institution.milestones.partnership': 'Partnership',

    'errorPage.status': 'Error {status}',
    'errorPage.reference': 'Reference',
    'errorPage.notFoundTitle': 'Page not found',
    'errorPage.institutionNotFound':
      'There is no institution at this address in the current data. It may have been renamed or removed by a newer data load, or the link may be mistyped.',
    'errorPage.notFoundHint': 'Check the address, or start again from the overview.',
    'errorPage.serverBody':
      'The dashboard could not show this page just now. Please try again in a moment; if it keeps happening, tell the team that runs the dashboard.',
    'errorPage.retry': 'Try again',
  },
  es: {
    'institution.kind': 'Institución',
    'institution.profile': 'Ficha',
    'institution.ownName': 'Nombre en su idioma',
    'institution.location': 'Ubicación',
    'institution.website': 'Sitio web',
    'institution.external': '(abre otro sitio web)',
    'institution.coordinates': 'Coordenadas',
    'institution.latitude': '{value}° {hemisphere, select, north {N} other {S}}',
    'institution.longitude': '{value}° {hemisphere, select, east {E} other {O}}',
    'institution.figures': 'Cifras clave de {name}',
    'institution.partnersCount': 'Socios',
    'institution.partnershipsCount': 'Colaboraciones',
    'institution.partnershipsListed':
      '{shown, plural, one {Se lista la # colaboración iniciada} other {Se listan las # colaboraciones iniciadas}} más recientemente de sus {total, number}.',
    'institution.milestonesListed':
      '{shown, plural, one {Se muestra el # hito más reciente} other {Se muestran los # hitos más recientes}} de los {total, number} de las colaboraciones listadas.',
    'institution.milestonesDone': 'Hitos cumplidos',
    'institution.milestonesDetail':
      '{planned, plural, one {# previsto} other {# previstos}} · {missed, plural, one {# no cumplido} other {# no cumplidos}}',
    'institution.place': '{city}, {country}',
    'institution.coordinatesValue': '{latitude}, {longitude}',
    'institution.completion': '{rate, number, ::percent} completado',

    'institution.network.title': 'Socios de {name}',
    'institution.network.caption':
      '{name} y las instituciones con las que colabora; las líneas entre socios son sus propias colaboraciones. Los círculos se colorean por ciudad y su tamaño indica las colaboraciones; cada línea se dibuja según su estado. Seleccione un socio para abrir su ficha.',
    'institution.network.description':
      '{name} y {partners, plural, one {# socio} other {# socios}}, unidos por {links, plural, one {# colaboración} other {# colaboraciones}}.',
    'institution.network.empty':
      '{name} aún no tiene colaboraciones. Cuando se registre alguna en partnerships.csv, sus socios aparecerán aquí.',
    'institution.network.legend': 'Leyenda de la red',
    'institution.network.self':
      '{name} (esta institución): {trained, plural, one {# inscripción} other {# inscripciones}}',
    'institution.network.node':
      '{name} — {city}, {type}: {trained, plural, one {# inscripción} other {# inscripciones}}. Abrir su ficha',
    'institution.network.link':
      '{source} – {target}: {area}, {status}, {done, number} de {total, plural, one {# hito cumplido} other {# hitos cumplidos}}',
    'institution.partners.title': 'Socios',
    'institution.partners.empty': 'Aún no tiene socios.',
    'institution.partners.count': '{count, plural, one {# colaboración} other {# colaboraciones}}',

    'institution.partnerships.title': 'Colaboraciones',
    'institution.partnerships.caption':
      'Cada colaboración con su ámbito, su estado y sus hitos. Una colaboración está estancada si está acordada o activa, tiene hitos registrados y no ha cumplido ninguno en los últimos 180 días.',
    'institution.partnerships.empty': '{name} aún no tiene colaboraciones.',
    'institution.partnerships.untitled': 'Colaboración sin título',
    'institution.partnerships.partner': 'Socio',
    'institution.partnerships.date.proposed': 'Propuesta el',
    'institution.partnerships.date.agreed': 'Acordada el',
    'institution.partnerships.date.started': 'Iniciada el',
    'institution.partnerships.date.dated': 'Fecha',
    'institution.partnerships.milestones': 'Hitos',
    'institution.partnerships.record':
      '{done, plural, one {# cumplido} other {# cumplidos}} · {planned, plural, one {# previsto} other {# previstos}} · {missed, plural, one {# no cumplido} other {# no cumplidos}}',
    'institution.partnerships.lastDone': 'Último cumplido',
    'institution.partnerships.nextPlanned': 'Próximo previsto',
    'institution.partnerships.none': 'ninguno',
    'institution.partnerships.stalled': 'Estancada',
    'institution.partnerships.stalledHint': 'Ningún hito cumplido en los últimos 180 días',
    'institution.partnerships.unrecorded': 'Sin hitos registrados',
    'institution.partnerships.unrecordedHint':
      'Acordada o activa, sin ningún hito en los datos: su avance no está registrado.',

    'institution.training.title': 'Formación en {name}',
    'institution.training.caption':
      'Inscripciones en formación cada año, apiladas por tema (o por programa, si no tiene tema). La línea es la proporción que completó la formación, calculada solo sobre los programas que informan de ello.',
    'institution.training.captionNoRate':
      'Inscripciones en formación cada año, apiladas por tema (o por programa, si no tiene tema).',
    'institution.training.description':
      '{trainees, plural, one {# inscripción} other {# inscripciones}} en formación de {from} a {to} en {topics, plural, one {# tema} other {# temas}}.',
    'institution.training.summary': '{facts} {rate}',
    'institution.training.rateSummary':
      'Completó la formación el {rate, number, ::percent} de las personas de las que hay datos.',
    'institution.training.empty':
      '{name} aún no tiene registros de formación. Las filas de training.csv con su identificador aparecerán aquí.',
    'institution.training.rate': 'Tasa de finalización',
    'institution.training.other': 'Otros temas',
    'institution.training.year': 'Año',
    'institution.training.topic': 'Tema o programa',
    'institution.training.trainees': 'Inscripciones en formación',
    'institution.training.completed': 'Completaron',
    'institution.training.notReported': 'sin datos',
    'institution.training.total': 'Todos los años',
    'institution.training.bar':
      '{year}, {topic}: {trainees, plural, one {# inscripción} other {# inscripciones}}',
    'institution.training.point': '{year}: {rate, number, ::percent} completó',
    'institution.training.noRate':
      'Ningún programa informa de cuántas inscripciones se completaron, así que no hay tasa de finalización.',

    'institution.milestones.title': 'Hitos',
    'institution.milestones.caption': 'Hitos de sus colaboraciones, por fecha.',
    'institution.milestones.empty': 'Aún no hay hitos registrados para sus colaboraciones.',
    'institution.milestones.date': 'Fecha',
    'institution.milestones.name': 'Hito',
    'institution.milestones.kind': 'Tipo',
    'institution.milestones.status': 'Estado',
    'institution.milestones.partnership': 'Colaboración',

    'errorPage.status': 'Error {status}',
    'errorPage.reference': 'Referencia',
    'errorPage.notFoundTitle': 'Página no encontrada',
    'errorPage.institutionNotFound':
      'No hay ninguna institución en esta dirección con los datos actuales. Puede que una carga de datos más reciente la haya renombrado o eliminado, o que el enlace esté mal escrito.',
    'errorPage.notFoundHint': 'Revise la dirección o vuelva a empezar desde el resumen.',
    'errorPage.serverBody':
      'El panel no ha podido mostrar esta página ahora. Vuelva a intentarlo dentro de un momento; si sigue ocurriendo, avise al equipo que gestiona el panel.',
    'errorPage.retry': 'Reintentar',
  },
  zh: {
    'institution.kind': '机构',
    'institution.profile': '机构概况',
    'institution.ownName': '原文名称',
    'institution.location': '所在地',
    'institution.website': '网站',
    'institution.external': '（将打开其他网站）',
    'institution.coordinates': '坐标',
    'institution.latitude': '{hemisphere, select, north {北纬} other {南纬}} {value}°',
    'institution.longitude': '{hemisphere, select, east {东经} other {西经}} {value}°',
    'institution.figures': '{name} 的关键指标',
    'institution.partnersCount': '合作伙伴',
    'institution.partnershipsCount': '合作项目',
    'institution.partnershipsListed': '列出了其 {total, number} 项合作中最近开始的 {shown, number} 项。',
    'institution.milestonesListed': '显示了所列合作的 {total, number} 个里程碑中最近的 {shown, number} 个。',
    'institution.milestonesDone': '已完成里程碑',
    'institution.milestonesDetail': '计划中 {planned, number} · 未按期完成 {missed, number}',
    'institution.place': '{country}{city}',
    'institution.coordinatesValue': '{latitude}，{longitude}',
    'institution.completion': '结业率 {rate, number, ::percent}',

    'institution.network.title': '{name} 的合作伙伴',
    'institution.network.caption':
      '{name} 及其合作机构；合作伙伴之间的连线表示它们彼此之间的合作。圆点颜色表示城市，大小表示合作数量；线型表示合作状态。选择一个合作伙伴即可打开其页面。',
    'institution.network.description':
      '{name} 与 {partners, number} 个合作伙伴，通过 {links, number} 项合作相连。',
    'institution.network.empty':
      '{name} 尚无合作项目。在 partnerships.csv 中登记合作后，其合作伙伴将显示在这里。',
    'institution.network.legend': '网络图例',
    'institution.network.self': '{name}（本机构）：培训 {trained, number} 人次',
    'institution.network.node': '{name} — {city}，{type}：培训 {trained, number} 人次。打开其页面',
    'institution.network.link':
      '{source} – {target}：{area}，{status}，已完成里程碑 {done, number}/{total, number}',
    'institution.partners.title': '合作伙伴',
    'institution.partners.empty': '尚无合作伙伴。',
    'institution.partners.count': '{count, number} 项合作',

    'institution.partnerships.title': '合作项目',
    'institution.partnerships.caption':
      '每项合作的领域、状态和里程碑记录。已达成协议或进行中、有里程碑记录的合作，如在过去 180 天内没有完成任何里程碑，即视为停滞。',
    'institution.partnerships.empty': '{name} 尚无合作项目。',
    'institution.partnerships.untitled': '未命名的合作',
    'institution.partnerships.partner': '合作伙伴',
    'institution.partnerships.date.proposed': '提议日期',
    'institution.partnerships.date.agreed': '达成协议日期',
    'institution.partnerships.date.started': '开始日期',
    'institution.partnerships.date.dated': '日期',
    'institution.partnerships.milestones': '里程碑',
    'institution.partnerships.record':
      '已完成 {done, number} · 计划中 {planned, number} · 未按期完成 {missed, number}',
    'institution.partnerships.lastDone': '最近完成',
    'institution.partnerships.nextPlanned': '下一个计划',
    'institution.partnerships.none': '无',
    'institution.partnerships.stalled': '停滞',
    'institution.partnerships.stalledHint': '过去 180 天内没有完成任何里程碑',
    'institution.partnerships.unrecorded': '尚无里程碑记录',
    'institution.partnerships.unrecordedHint': '已达成协议或进行中，但数据中没有任何里程碑：其进展尚未记录。',

    'institution.training.title': '{name} 的培训',
    'institution.training.caption':
      '每年的培训人次，按主题（无主题时按培训项目）堆叠。折线表示结业比例，仅统计报告了结业人次的项目。',
    'institution.training.captionNoRate': '每年的培训人次，按主题（无主题时按培训项目）堆叠。',
    'institution.training.description':
      '{from} 年至 {to} 年共培训 {trainees, number} 人次，涉及 {topics, number} 个主题。',
    'institution.training.rateSummary': '在报告结业情况的学员中，{rate, number, ::percent} 已结业。',
    'institution.training.summary': '{facts}{rate}',
    'institution.training.empty': '{name} 尚无培训记录。training.csv 中带有其编号的记录将显示在这里。',
    'institution.training.rate': '结业率',
    'institution.training.other': '其他主题',
    'institution.training.year': '年份',
    'institution.training.topic': '主题或项目',
    'institution.training.trainees': '培训人次',
    'institution.training.completed': '结业人次',
    'institution.training.notReported': '未报告',
    'institution.training.total': '全部年份',
    'institution.training.bar': '{year} 年，{topic}：培训 {trainees, number} 人次',
    'institution.training.point': '{year} 年：结业率 {rate, number, ::percent}',
    'institution.training.noRate': '没有项目报告结业人次，因此无法计算结业率。',

    'institution.milestones.title': '里程碑',
    'institution.milestones.caption': '其各项合作的里程碑，按日期排列。',
    'institution.milestones.empty': '其合作项目尚无里程碑记录。',
    'institution.milestones.date': '日期',
    'institution.milestones.name': '里程碑',
    'institution.milestones.kind': '类型',
    'institution.milestones.status': '状态',
    'institution.milestones.partnership': '所属合作',

    'errorPage.status': '错误 {status}',
    'errorPage.reference': '参考编号',
    'errorPage.notFoundTitle': '页面未找到',
    'errorPage.institutionNotFound':
      '当前数据中没有位于此地址的机构。它可能已在较新的数据导入中被更名或删除，也可能是链接输入有误。',
    'errorPage.notFoundHint': '请检查地址，或从概览页重新开始。',
    'errorPage.serverBody':
      '仪表板暂时无法显示此页面。请稍后重试；如果问题持续出现，请联系仪表板的运维团队。',
    'errorPage.retry': '重试',
  },
});
