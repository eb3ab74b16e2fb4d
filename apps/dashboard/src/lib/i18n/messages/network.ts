import { defineMessages } from './define.js';

/** Strings of the /network pages. */
export default defineMessages({
  en: {
    'networkPage.title': 'Cooperation network',
    'networkPage.intro':
      '{institutions, plural, one {# institution} other {# institutions}} and {partnerships, plural, one {# partnership} other {# partnerships}} in view.',
    'networkPage.introContext':
      '{institutions, plural, one {# institution} other {# institutions}} and {partnerships, plural, one {# partnership} other {# partnerships}} in view, including {context, plural, one {# partner} other {# partners}} outside the filters.',
    'networkPage.caption.city':
      'Each circle is an institution, coloured by city. Each line is a partnership: its pattern shows the status, its width the number of milestones.',
    'networkPage.caption.country':
      'Each circle is an institution, coloured by country (too many cities to tell apart by colour). Each line is a partnership: its pattern shows the status, its width the number of milestones.',
    'networkPage.caption.type':
      'Each circle is an institution, coloured by type. Each line is a partnership: its pattern shows the status, its width the number of milestones.',
    'networkPage.caption.bridge':
      'Each city’s institutions stand on their own side; cooperation crosses the middle.',
    'networkPage.caption.context':
      'Hollow circles are partners outside the filters, shown so that every partnership in view has both ends.',
    'networkPage.view': 'View',
    'networkPage.viewOptions': 'Display options',
    'networkPage.colorBy': 'Colour by',
    'networkPage.colorBy.city': 'City',
    'networkPage.colorBy.type': 'Type',
    'networkPage.layout': 'Layout',
    'networkPage.sizeBy': 'Size by',
    'networkPage.sizeBy.partnerships': 'Partnerships',
    'networkPage.sizeBy.trained': 'Training enrolments',
    'networkPage.caption.size.partnerships': 'A circle’s size shows its number of partnerships.',
    'networkPage.caption.size.trained': 'A circle’s size shows its training enrolments.',
    'networkPage.layout.force': 'Network',
    'networkPage.layout.bridge': 'City to city',
    'networkPage.search': 'Find an institution',
    'networkPage.searchHint': 'Any of its names, in any language',
    'networkPage.matches':
      '{count, plural, =0 {No institution matches} one {# institution matches} other {# institutions match}}',
    'networkPage.zoom': 'Zoom',
    'networkPage.zoomIn': 'Zoom in',
    'networkPage.zoomOut': 'Zoom out',
    'networkPage.zoomReset': 'Reset the view',
    'networkPage.help':
      'Scroll or pinch to zoom, drag the background to move around, drag a circle to move it. With the keyboard: Tab to the chart, arrow keys from one institution to the next, Enter for its details.',
    'networkPage.helpCanvas':
      'Scroll or pinch to zoom, drag to move around, click a circle for its details. With the keyboard: arrow keys move the view, + and − zoom; the table lists every institution.',
    'networkPage.node':
      '{name}, {city}, {type}: {trained, plural, one {# enrolment} other {# enrolments}}, {degree, plural, one {# partnership} other {# partnerships}}',
    'networkPage.link':
      '{source} – {target}: {area}, {status}, {done, number} of {total, number} milestones done',
    'networkPage.trained': '{count, plural, one {# enrolment} other {# enrolments}}',
    'networkPage.partnerships': '{count, plural, one {# partnership} other {# partnerships}}',
    'networkPage.legend': 'Legend',
    'networkPage.legend.context': 'Partner outside the filters',
    'networkPage.legend.otherCities': 'Other cities',
    'networkPage.side.hint':
      'Select an institution — click it, or Tab to it and press Enter — to see its partners, training and milestones here.',
    'networkPage.side.connected': 'Most connected',
    'networkPage.side.bridges': 'Key bridges',
    'networkPage.side.bridgesHelp': 'Institutions on many of the shortest paths between others.',
    'networkPage.panel.label': 'Institution details',
    'networkPage.panel.close': 'Close details',
    'networkPage.panel.context':
      'Outside the current filters: shown because a partnership in view reaches it.',
    'networkPage.panel.trained': 'Training enrolments',
    'networkPage.panel.degree': 'Partnerships',
    'networkPage.panel.betweenness': 'Bridging score',
    'networkPage.panel.betweennessSampled':
      'Estimated from the shortest paths of {pivots, number} institutions drawn at random, as the network is large.',
    'networkPage.panel.betweennessHelp':
      'Betweenness: the share of shortest paths between other institutions that pass through this one (0 to 1).',
    'networkPage.panel.partners': 'Partners',
    'networkPage.panel.noPartners': 'No partnerships in view.',
    'networkPage.panel.partnerMilestones': '{done, number} of {total, number} milestones done',
    'networkPage.panel.stalled': 'Stalled',
    'networkPage.panel.next': 'Next milestone: {date}',
    'networkPage.panel.training': 'Training by year',
    'networkPage.panel.noTraining': 'No training recorded in this period.',
    'networkPage.panel.year': 'Year',
    'networkPage.panel.trainees': 'Enrolments',
    'networkPage.panel.completed': 'Completed',
    'networkPage.panel.milestones': 'Milestones',
    'networkPage.panel.noMilestones': 'No milestones in this period.',
    'networkPage.panel.loading': 'Loading training and milestones…',
    'networkPage.panel.failed': 'Training and milestones could not be loaded. Try again in a moment.',
    'networkPage.panel.profile': 'Open the full profile',
    'networkPage.table.degree': 'Partnerships',
    'networkPage.table.betweenness': 'Bridging score',
    'networkPage.table.details': 'Details',
    'networkPage.table.show': 'Show',
    'networkPage.table.showLabel': 'Show {name} in the chart',
    'networkPage.table.capped':
      'The {shown, number} most connected of {total, number} institutions. Use the search or the filters to find the others.',
    'networkPage.table.matches':
      '{count, plural, one {# institution matches} other {# institutions match}} “{query}”.',
    'networkPage.loading': 'Loading the network of {count, number} institutions…',
    'networkPage.loadFailed': 'The network could not be loaded. Reload the page to try again.',
    'networkPage.large':
      'A large network ({count, number} institutions) is drawn on a canvas, laid out in your browser.',
    'networkPage.noScript':
      'The drawing of a network this large needs JavaScript. The table below lists the institutions and their partnerships.',
    'networkPage.layingOut': 'Laying out the network… {percent, number, ::percent}',
    'networkPage.empty.filtered':
      'No institution matches these filters. Clear a filter or widen the years to see more of the network.',
  },
  es: {
    'networkPage.title': 'Red de cooperación',
    'networkPage.intro':
      '{institutions, plural, one {# institución} other {# instituciones}} y {partnerships, plural, one {# colaboración} other {# colaboraciones}} a la vista.',
    'networkPage.introContext':
      '{institutions, plural, one {# institución} other {# instituciones}} y {partnerships, plural, one {# colaboración} other {# colaboraciones}} a la vista, con {context, plural, one {# socio} other {# socios}} fuera de los filtros.',
    'networkPage.caption.city':
      'Cada círculo es una institución, coloreada por ciudad. Cada línea es una colaboración: el trazo indica su estado y el grosor, el número de hitos.',
    'networkPage.caption.country':
      'Cada círculo es una institución, coloreada por país (hay demasiadas ciudades para distinguirlas por color). Cada línea es una colaboración: el trazo indica su estado y el grosor, el número de hitos.',
    'networkPage.caption.type':
      'Cada círculo es una institución, coloreada por tipo. Cada línea es una colaboración: el trazo indica su estado y el grosor, el número de hitos.',
    'networkPage.caption.bridge':
      'Las instituciones de cada ciudad están a su propio lado; la cooperación cruza por el centro.',
    'networkPage.caption.context':
      'Los círculos huecos son socios fuera de los filtros; se muestran para que cada colaboración a la vista tenga sus dos extremos.',
    'networkPage.view': 'Vista',
    'networkPage.viewOptions': 'Opciones de visualización',
    'networkPage.colorBy': 'Color según',
    'networkPage.colorBy.city': 'Ciudad',
    'networkPage.colorBy.type': 'Tipo',
    'networkPage.layout': 'Disposición',
    'networkPage.sizeBy': 'Tamaño según',
    'networkPage.sizeBy.partnerships': 'Colaboraciones',
    'networkPage.sizeBy.trained': 'Inscripciones en formación',
    'networkPage.caption.size.partnerships': 'El tamaño de cada círculo indica su número de colaboraciones.',
    'networkPage.caption.size.trained': 'El tamaño de cada círculo indica sus inscripciones en formación.',
    'networkPage.layout.force': 'Red',
    'networkPage.layout.bridge': 'Ciudad a ciudad',
    'networkPage.search': 'Buscar una institución',
    'networkPage.searchHint': 'Cualquiera de sus nombres, en cualquier idioma',
    'networkPage.matches':
      '{count, plural, =0 {Ninguna institución coincide} one {# institución coincide} other {# instituciones coinciden}}',
    'networkPage.zoom': 'Zoom',
    'networkPage.zoomIn': 'Acercar',
    'networkPage.zoomOut': 'Alejar',
    'networkPage.zoomReset': 'Restablecer la vista',
    'networkPage.help':
      'Use la rueda o pellizque para acercar, arrastre el fondo para desplazarse y arrastre un círculo para moverlo. Con el teclado: tabulador hasta el gráfico, flechas para pasar de una institución a otra, Intro para ver sus detalles.',
    'networkPage.helpCanvas':
      'Use la rueda o pellizque para acercar, arrastre para desplazarse y haga clic en un círculo para ver sus detalles. Con el teclado: las flechas mueven la vista y + y − acercan o alejan; la tabla recoge todas las instituciones.',
    'networkPage.node':
      '{name}, {city}, {type}: {trained, plural, one {# inscripción} other {# inscripciones}}, {degree, plural, one {# colaboración} other {# colaboraciones}}',
    'networkPage.link':
      '{source} – {target}: {area}, {status}, {done, number} de {total, plural, one {# hito cumplido} other {# hitos cumplidos}}',
    'networkPage.trained': '{count, plural, one {# inscripción} other {# inscripciones}}',
    'networkPage.partnerships': '{count, plural, one {# colaboración} other {# colaboraciones}}',
    'networkPage.legend': 'Leyenda',
    'networkPage.legend.context': 'Socio fuera de los filtros',
    'networkPage.legend.otherCities': 'Otras ciudades',
    'networkPage.side.hint':
      'Seleccione una institución —haga clic en ella, o llegue con el tabulador y pulse Intro— para ver aquí sus socios, su formación y sus hitos.',
    'networkPage.side.connected': 'Con más colaboraciones',
    'networkPage.side.bridges': 'Principales enlaces',
    'networkPage.side.bridgesHelp':
      'Instituciones por las que pasan muchos de los caminos más cortos entre las demás.',
    'networkPage.panel.label': 'Detalles de la institución',
    'networkPage.panel.close': 'Cerrar los detalles',
    'networkPage.panel.context':
      'Fuera de los filtros actuales: aparece porque una colaboración a la vista llega hasta ella.',
    'networkPage.panel.trained': 'Inscripciones en formación',
    'networkPage.panel.degree': 'Colaboraciones',
    'networkPage.panel.betweenness': 'Papel de enlace',
    'networkPage.panel.betweennessSampled':
      'Estimado a partir de los caminos más cortos de {pivots, plural, one {# institución elegida} other {# instituciones elegidas}} al azar, por el tamaño de la red.',
    'networkPage.panel.betweennessHelp':
      'Intermediación: la proporción de caminos más cortos entre otras instituciones que pasan por esta (de 0 a 1).',
    'networkPage.panel.partners': 'Socios',
    'networkPage.panel.noPartners': 'No hay colaboraciones a la vista.',
    'networkPage.panel.partnerMilestones':
      '{done, number} de {total, plural, one {# hito cumplido} other {# hitos cumplidos}}',
    'networkPage.panel.stalled': 'Estancada',
    'networkPage.panel.next': 'Próximo hito: {date}',
    'networkPage.panel.training': 'Formación por año',
    'networkPage.panel.noTraining': 'No hay formación registrada en este periodo.',
    'networkPage.panel.year': 'Año',
    'networkPage.panel.trainees': 'Inscripciones',
    'networkPage.panel.completed': 'Completaron',
    'networkPage.panel.milestones': 'Hitos',
    'networkPage.panel.noMilestones': 'No hay hitos en este periodo.',
    'networkPage.panel.loading': 'Cargando la formación y los hitos…',
    'networkPage.panel.failed':
      'No se han podido cargar la formación y los hitos. Vuelva a intentarlo en un momento.',
    'networkPage.panel.profile': 'Abrir el perfil completo',
    'networkPage.table.degree': 'Colaboraciones',
    'networkPage.table.betweenness': 'Papel de enlace',
    'networkPage.table.details': 'Detalles',
    'networkPage.table.show': 'Mostrar',
    'networkPage.table.showLabel': 'Mostrar {name} en el gráfico',
    'networkPage.table.capped':
      'Las {shown, plural, one {# institución} other {# instituciones}} con más colaboraciones de un total de {total, number}. Use la búsqueda o los filtros para encontrar las demás.',
    'networkPage.table.matches':
      '{count, plural, one {# institución coincide} other {# instituciones coinciden}} con «{query}».',
    'networkPage.loading': 'Cargando la red de {count, plural, one {# institución} other {# instituciones}}…',
    'networkPage.loadFailed': 'No se pudo cargar la red. Vuelva a cargar la página para intentarlo de nuevo.',
    'networkPage.large':
      'Una red grande ({count, plural, one {# institución} other {# instituciones}}) se dibuja en un lienzo y se calcula en su navegador.',
    'networkPage.noScript':
      'Para dibujar una red tan grande hace falta JavaScript. La tabla de abajo recoge las instituciones y sus colaboraciones.',
    'networkPage.layingOut': 'Calculando la red… {percent, number, ::percent}',
    'networkPage.empty.filtered':
      'Ninguna institución coincide con estos filtros. Quite algún filtro o amplíe los años para ver más de la red.',
  },
  zh: {
    'networkPage.title': '合作网络',
    'networkPage.intro': '当前显示 {institutions, number} 家机构、{partnerships, number} 项合作。',
    'networkPage.introContext':
      '当前显示 {institutions, number} 家机构、{partnerships, number} 项合作，其中 {context, number} 家合作伙伴不在筛选范围内。',
    'networkPage.caption.city':
      '每个圆点代表一家机构，颜色表示城市。每条连线代表一项合作：线型表示状态，粗细表示里程碑数量。',
    'networkPage.caption.country':
      '每个圆点代表一家机构，颜色表示国家（城市过多，无法用颜色区分）。每条连线代表一项合作：线型表示状态，粗细表示里程碑数量。',
    'networkPage.caption.type':
      '每个圆点代表一家机构，颜色表示机构类型。每条连线代表一项合作：线型表示状态，粗细表示里程碑数量。',
    'networkPage.caption.bridge': '各城市的机构分列两侧，合作连线从中间跨过。',
    'networkPage.caption.context':
      '空心圆点是筛选范围以外的合作伙伴，显示它们是为了让每项合作都有完整的两端。',
    'networkPage.view': '视图',
    'networkPage.viewOptions': '显示选项',
    'networkPage.colorBy': '颜色依据',
    'networkPage.colorBy.city': '城市',
    'networkPage.colorBy.type': '类型',
    'networkPage.layout': '布局',
    'networkPage.sizeBy': '大小依据',
    'networkPage.sizeBy.partnerships': '合作数量',
    'networkPage.sizeBy.trained': '培训人次',
    'networkPage.caption.size.partnerships': '圆点大小表示该机构的合作数量。',
    'networkPage.caption.size.trained': '圆点大小表示该机构的培训人次。',
    'networkPage.layout.force': '网络',
    'networkPage.layout.bridge': '城市对城市',
    'networkPage.search': '查找机构',
    'networkPage.searchHint': '可输入任一语言的任一名称',
    'networkPage.matches': '{count, plural, =0 {没有匹配的机构} other {# 家机构匹配}}',
    'networkPage.zoom': '缩放',
    'networkPage.zoomIn': '放大',
    'networkPage.zoomOut': '缩小',
    'networkPage.zoomReset': '重置视图',
    'networkPage.help':
      '滚动鼠标滚轮或双指捏合可缩放，拖动背景可平移，拖动圆点可移动机构。使用键盘：按 Tab 键进入图表，用方向键在机构之间切换，按 Enter 键查看详情。',
    'networkPage.helpCanvas':
      '滚动鼠标滚轮或双指捏合可缩放，拖动可平移，点击圆点可查看详情。使用键盘：方向键平移视图，+ 和 − 键缩放；表格列出了全部机构。',
    'networkPage.node': '{name}，{city}，{type}：培训 {trained, number} 人次，{degree, number} 项合作',
    'networkPage.link':
      '{source} – {target}：{area}，{status}，已完成 {done, number}/{total, number} 个里程碑',
    'networkPage.trained': '培训 {count, number} 人次',
    'networkPage.partnerships': '{count, number} 项合作',
    'networkPage.legend': '图例',
    'networkPage.legend.context': '筛选范围以外的合作伙伴',
    'networkPage.legend.otherCities': '其他城市',
    'networkPage.side.hint':
      '选择一家机构（点击它，或用 Tab 键移到它上面再按 Enter 键），即可在此查看其合作伙伴、培训和里程碑。',
    'networkPage.side.connected': '合作最多',
    'networkPage.side.bridges': '关键桥梁',
    'networkPage.side.bridgesHelp': '其他机构之间的许多最短路径都经过这些机构。',
    'networkPage.panel.label': '机构详情',
    'networkPage.panel.close': '关闭详情',
    'networkPage.panel.context': '不在当前筛选范围内：因当前显示的某项合作与其相关而显示。',
    'networkPage.panel.trained': '培训人次',
    'networkPage.panel.degree': '合作项目',
    'networkPage.panel.betweenness': '桥梁作用',
    'networkPage.panel.betweennessSampled':
      '由于网络规模较大，此值根据随机抽取的 {pivots, number} 家机构的最短路径估算。',
    'networkPage.panel.betweennessHelp': '中介中心性：其他机构之间的最短路径中经过该机构的比例（0 到 1）。',
    'networkPage.panel.partners': '合作伙伴',
    'networkPage.panel.noPartners': '当前没有相关合作。',
    'networkPage.panel.partnerMilestones': '已完成 {done, number}/{total, number} 个里程碑',
    'networkPage.panel.stalled': '停滞',
    'networkPage.panel.next': '下一个里程碑：{date}',
    'networkPage.panel.training': '历年培训',
    'networkPage.panel.noTraining': '该时期没有培训记录。',
    'networkPage.panel.year': '年份',
    'networkPage.panel.trainees': '培训人次',
    'networkPage.panel.completed': '结业人次',
    'networkPage.panel.milestones': '里程碑',
    'networkPage.panel.noMilestones': '该时期没有里程碑。',
    'networkPage.panel.loading': '正在加载培训和里程碑…',
    'networkPage.panel.failed': '无法加载培训和里程碑，请稍后重试。',
    'networkPage.panel.profile': '查看完整档案',
    'networkPage.table.degree': '合作项目',
    'networkPage.table.betweenness': '桥梁作用',
    'networkPage.table.details': '详情',
    'networkPage.table.show': '显示',
    'networkPage.table.showLabel': '在图中显示{name}',
    'networkPage.table.capped':
      '共 {total, number} 家机构，此处列出合作最多的 {shown, number} 家。可使用搜索或筛选查找其他机构。',
    'networkPage.table.matches': '{count, number} 家机构与“{query}”匹配。',
    'networkPage.loading': '正在加载 {count, number} 家机构的合作网络……',
    'networkPage.loadFailed': '无法加载合作网络。请刷新页面重试。',
    'networkPage.large': '大型网络（{count, number} 家机构）以画布绘制，布局在您的浏览器中计算。',
    'networkPage.noScript': '绘制如此大型的网络需要 JavaScript。下方表格列出了各机构及其合作。',
    'networkPage.layingOut': '正在计算网络布局… {percent, number, ::percent}',
    'networkPage.empty.filtered': '没有符合这些筛选条件的机构。请清除部分筛选条件或扩大年份范围。',
  },
});
