import { IntlMessageFormat } from 'intl-messageformat';
import type { Locale, ProblemCode } from '../schema/problems.js';

/*
 * Analyst-facing wording of the error report, in en/es/zh. One problem code can have several messages
 * (`invalid-type.date`, `invalid-type.integer`…): the code is the stable contract, the message id picks the advice.
 * Parameters: row, line, column, value, table, refTable, other (file), values/columns (lists), min, max,
 * suggestion, firstRow, found, expected, delimiter/first/second (comma|semicolon|tab|pipe|other), encoding,
 * size/limit (pre-formatted), position, canonical, trainees, count, kind (nul|workbook), otherEncoding,
 * alternative, maxColumns, length, maxLength, source, target, area, kept.
 */

// `{name, select, …}` fragments naming a delimiter; kept here so every locale names them the same way everywhere.
const delimiterEn = (p: string): string =>
  `{${p}, select, comma {commas (,)} semicolon {semicolons (;)} tab {tabs} pipe {vertical bars (|)} other {separators}}`;
const delimiterEs = (p: string): string =>
  `{${p}, select, comma {comas (,)} semicolon {puntos y coma (;)} tab {tabuladores} pipe {barras verticales (|)} other {separadores}}`;
const delimiterZh = (p: string): string =>
  `{${p}, select, comma {逗号（,）} semicolon {分号（;）} tab {制表符} pipe {竖线（|）} other {分隔符}}`;

const EN = {
  'empty-file':
    'This file is empty. Export the table again from your spreadsheet, with the header row and the data rows.',
  'invalid-encoding.declared':
    'This file can’t be read as {encoding}: it contains bytes that are not valid in that encoding. Choose the encoding the file was saved in, or save it again as “CSV UTF-8”.',
  'invalid-encoding.unsupported':
    'The encoding “{encoding}” is not supported. Choose UTF-8, UTF-16, GBK, GB18030 or Windows-1252, or save the file again as “CSV UTF-8”.',
  'invalid-encoding.undetected':
    'The characters in this file could not be recognised (it is not UTF-8, UTF-16, GBK or Windows-1252). Save it again as “CSV UTF-8” and upload that file.',
  'invalid-encoding.mixed':
    'This file mixes two encodings: line {line} is in UTF-8 (“{value}”) and other lines are not, so some names would be garbled. Rows were probably pasted in from another export. Save the whole file again as “CSV UTF-8” and upload that file.',
  'invalid-encoding.binary':
    '{kind, select, nul {This file contains a NUL character (a zero byte) on line {line}, which never appears in CSV text: it is not a text file, or it was damaged on the way. Export the table again as “CSV UTF-8” and upload that file.} other {This is not a CSV text file (it looks like an Excel workbook or another binary file). In Excel, use Save As › “CSV UTF-8 (Comma delimited)” and upload that file.}}',
  'ambiguous-encoding':
    'This file was read as {encoding}, but it also reads as {otherEncoding}: “{value}” on line {line} would be “{alternative}”. If names look wrong in the data, upload the file again choosing {otherEncoding} as its encoding, or save it as “CSV UTF-8”.',
  'undetectable-delimiter.none':
    'The columns of this file could not be told apart: no comma, semicolon, tab or vertical bar splits the header row into columns. Save it as CSV from your spreadsheet, or choose the separator when uploading.',
  'undetectable-delimiter.tie': `It is unclear whether the columns are separated by ${delimiterEn('first')} or by ${delimiterEn('second')}: both fit this file equally well. Choose the separator when uploading, or put values that contain the other character in double quotes.`,
  'undetectable-delimiter.invalid':
    '“{value}” can’t be used as a column separator. Choose a comma, semicolon, tab or vertical bar.',
  'too-many-columns':
    'The header row has {found, number} columns; a file may have at most {maxColumns, number}. Check that the file is a CSV export of one table (institutions, partnerships, training or milestones) with a single header row.',
  'unclosed-quote.unclosed':
    'A value that opens with a double quote (") on line {line} is never closed, so the rest of the file can’t be read. Add the missing closing quote, or remove the opening one.',
  'unclosed-quote.misplaced':
    'Row {row} has a double quote (") in the wrong place: a quoted value must end right after its closing quote. Write a quote inside a value as two quotes (""), or remove the stray quote.',
  'ragged-row': `Row {row} has {found} values, but the header has {expected} columns. Look for missing or extra ${delimiterEn('delimiter')} in this row, and put values that contain the separator in double quotes.`,
  'unknown-table.unrecognised':
    'It is not clear which table this file holds. Name the file institutions.csv, partnerships.csv, training.csv or milestones.csv, or check that its header row uses the expected column names.',
  'unknown-table.invalid-name':
    'There is no table called “{value}”. Use institutions, partnerships, training or milestones.',
  'duplicate-table':
    'This upload has two files for the {table} table (“{other}” and this one). Upload one file per table: combine them first if needed.',
  'missing-column':
    'The {table} file has no “{column}” column, and it is required. Add a column with the header “{column}” and fill it in on every row.',
  'unknown-column.unknown':
    'The column “{column}” is not part of the {table} table and will be ignored. If it should be one of the table’s columns ({columns}), rename its header; otherwise you can delete it.',
  'unknown-column.empty':
    'Column {position} has no header, so its values will be ignored. Give it a header or delete the column.',
  'unknown-column.duplicate':
    'The column “{column}” is a second “{canonical}” column and will be ignored; only the first one is used. Delete or rename one of them.',
  'missing-value': 'Row {row}: “{column}” is empty, but it is required. Fill it in.',
  'too-long':
    'Row {row}: the value in “{column}” is {length, number} characters long, and the limit is {maxLength, number}. Check that no quote or separator is missing before it (that runs many values together), or shorten it.',
  'invalid-type.slug':
    'Row {row}: “{value}” is not a valid identifier for “{column}”. Use only lower-case letters (a–z), digits and hyphens, for example “{suggestion}”.',
  'invalid-type.date':
    'Row {row}: “{value}” in “{column}” is not a date in a format we accept. Write it like 2023-03-22, 22/03/2023, 2023/3/22 or 2023年3月22日.',
  'invalid-type.date-two-digit-year':
    'Row {row}: “{value}” in “{column}” has a two-digit year, so the date is ambiguous. Write the year in full, for example 22/03/2023 or 2023-03-22.',
  'invalid-type.date-month-first':
    'Row {row}: “{value}” in “{column}” looks like month/day/year. Dates with slashes must be day/month/year; to avoid any doubt, write it as year-month-day, for example {suggestion}.',
  'invalid-type.date-impossible':
    'Row {row}: “{value}” in “{column}” is not a real date (that day or month does not exist). Check the day and the month.',
  'invalid-type.date-serial':
    'Row {row}: “{value}” in “{column}” looks like an Excel date number rather than a date. Format the column as a date in Excel (for example 2023-03-22) and save the file again.',
  'invalid-type.integer':
    'Row {row}: “{value}” in “{column}” is not a whole number. Write digits only, for example 1234.',
  'invalid-type.integer-fraction':
    'Row {row}: “{value}” in “{column}” has a decimal part, but this column takes whole numbers. Write a whole number, for example 12.',
  'invalid-type.decimal':
    'Row {row}: “{value}” in “{column}” is not a number. Write it with a point or a comma for decimals, for example 40.28 or 40,28.',
  'invalid-type.country':
    'Row {row}: “{value}” in “{column}” is not an ISO country code. Use the two-letter code, for example ES for Spain or CN for China.',
  'invalid-type.country-suggestion':
    'Row {row}: “{value}” in “{column}” is not an ISO country code. Use the two-letter code {suggestion}.',
  'invalid-type.url':
    'Row {row}: “{value}” in “{column}” is not a web address. Write the full address, starting with http:// or https://.',
  'invalid-type.url-scheme':
    'Row {row}: “{value}” in “{column}” must start with http:// or https://. Write it as {suggestion}.',
  'invalid-enum': 'Row {row}: “{value}” is not an allowed value for “{column}”. Use one of: {values}.',
  'invalid-enum.source':
    'Row {row}: “{value}” in “{column}” does not say where the figures come from. Write reported (counted and reported), estimated (an estimate) or illustrative (a stand-in, not a real figure); an empty cell means reported.',
  'out-of-range.min':
    'Row {row}: {value} in “{column}” is below the minimum of {min}. Enter a value of at least {min}.',
  'out-of-range.max':
    'Row {row}: {value} in “{column}” is above the maximum of {max}. Enter a value of at most {max}.',
  'out-of-range.between':
    'Row {row}: {value} in “{column}” is outside the allowed range. Enter a value between {min} and {max}.',
  'out-of-range.date': 'Row {row}: “{value}” in “{column}” is outside the years {min}–{max}. Check the year.',
  'out-of-range.same-institution':
    'Row {row}: source and target are both “{value}”, but a partnership links two different institutions. Correct one of them.',
  'out-of-range.completed':
    'Row {row}: completed ({value}) is greater than trainees ({trainees}). Nobody can complete a programme without taking part; check both numbers.',
  'duplicate-key.single':
    'Row {row}: the {column} “{value}” is already used in row {firstRow}. Each {column} must appear only once: change it or delete one of the two rows.',
  'duplicate-key.composite':
    'Row {row} has the same {columns} as row {firstRow} ({value}). Each combination may appear only once: merge the two rows or correct one of them.',
  'unknown-reference':
    'Row {row}: “{value}” in “{column}” does not match the id of any row in {refTable}, neither in this upload nor in the data already loaded. Correct the id, or add that row to the {refTable} file of this upload.',
  'unknown-reference.orphan':
    '{count, plural, one {# row} other {# rows}} of {from} still use “{value}” in “{column}”, but this file no longer has it in {referenced}. Keep that row in this file, or in the same upload also give a {from} file that no longer uses it.',
  'empty-table':
    'This file has a header row but no data rows. Loaded in replace mode it would empty the {table} table, so such a load stops unless you confirm it (--allow-empty on the command line); in upsert mode it changes nothing.',
  'duplicate-pair':
    'Row {row}: the partnership between “{source}” and “{target}” in {area} is already in row {firstRow}, the other way round. It is loaded once, as in row {firstRow}, and rows of other files that use “{value}” count under “{kept}”. Delete this row, or give it another area if it is a different partnership.',
  'too-large':
    'This file is {size}, and the limit is {limit} per file. Split it into smaller files or remove the columns you don’t need.',
  'too-many-problems':
    'This file has {count, number} more problems that are not listed here. Fix the problems above (one cause often explains many) and validate the file again.',
} as const;

export type MessageId = keyof typeof EN;
/** Message parameters; lists (enum values, column names) are joined the way the locale writes them. */
export type MessageParams = Readonly<Record<string, string | number | readonly string[]>>;

const ES: Record<MessageId, string> = {
  'empty-file':
    'El archivo está vacío. Vuelva a exportar la tabla desde la hoja de cálculo, con la fila de encabezados y las filas de datos.',
  'invalid-encoding.declared':
    'No se puede leer el archivo como {encoding}: contiene bytes que no son válidos en esa codificación. Elija la codificación con la que se guardó o vuelva a guardarlo como «CSV UTF-8».',
  'invalid-encoding.unsupported':
    'La codificación «{encoding}» no es compatible. Elija UTF-8, UTF-16, GBK, GB18030 o Windows-1252, o vuelva a guardar el archivo como «CSV UTF-8».',
  'invalid-encoding.undetected':
    'No se reconocen los caracteres de este archivo (no está en UTF-8, UTF-16, GBK ni Windows-1252). Vuelva a guardarlo como «CSV UTF-8» y suba ese archivo.',
  'invalid-encoding.mixed':
    'Este archivo mezcla dos codificaciones: la línea {line} está en UTF-8 («{value}») y otras líneas no, así que algunos nombres saldrían mal. Probablemente se pegaron filas de otra exportación. Vuelva a guardar todo el archivo como «CSV UTF-8» y suba ese archivo.',
  'invalid-encoding.binary':
    '{kind, select, nul {Este archivo contiene un carácter NUL (un byte cero) en la línea {line}, que nunca aparece en un CSV de texto: no es un archivo de texto o se dañó por el camino. Vuelva a exportar la tabla como «CSV UTF-8» y suba ese archivo.} other {Esto no es un archivo CSV de texto (parece un libro de Excel u otro archivo binario). En Excel, use Guardar como › «CSV UTF-8 (delimitado por comas)» y suba ese archivo.}}',
  'ambiguous-encoding':
    'Este archivo se ha leído como {encoding}, pero también se puede leer como {otherEncoding}: «{value}» en la línea {line} sería «{alternative}». Si los nombres se ven mal en los datos, vuelva a subir el archivo eligiendo {otherEncoding} como codificación, o guárdelo como «CSV UTF-8».',
  'undetectable-delimiter.none':
    'No se distinguen las columnas de este archivo: ninguna coma, punto y coma, tabulador ni barra vertical divide la fila de encabezados en columnas. Guárdelo como CSV desde la hoja de cálculo o indique el separador al subirlo.',
  'undetectable-delimiter.tie': `No está claro si las columnas están separadas por ${delimiterEs('first')} o por ${delimiterEs('second')}: ambos encajan igual de bien en este archivo. Indique el separador al subirlo o ponga entre comillas dobles los valores que contengan el otro carácter.`,
  'undetectable-delimiter.invalid':
    '«{value}» no se puede usar como separador de columnas. Elija coma, punto y coma, tabulador o barra vertical.',
  'too-many-columns':
    'La fila de encabezados tiene {found, number} columnas; un archivo puede tener como máximo {maxColumns, number}. Compruebe que el archivo es la exportación CSV de una sola tabla (institutions, partnerships, training o milestones) con una única fila de encabezados.',
  'unclosed-quote.unclosed':
    'Un valor que empieza con comillas dobles (") en la línea {line} no se cierra nunca, así que no se puede leer el resto del archivo. Añada las comillas de cierre que faltan o quite las de apertura.',
  'unclosed-quote.misplaced':
    'La fila {row} tiene unas comillas dobles (") mal colocadas: un valor entre comillas debe terminar justo después de las comillas de cierre. Escriba las comillas dentro de un valor como dos comillas ("") o elimine las que sobran.',
  'ragged-row': `La fila {row} tiene {found} valores, pero el encabezado tiene {expected} columnas. Busque ${delimiterEs('delimiter')} que falten o sobren en esta fila y ponga entre comillas dobles los valores que contengan el separador.`,
  'unknown-table.unrecognised':
    'No está claro qué tabla contiene este archivo. Llámelo institutions.csv, partnerships.csv, training.csv o milestones.csv, o compruebe que la fila de encabezados usa los nombres de columna esperados.',
  'unknown-table.invalid-name':
    'No existe ninguna tabla llamada «{value}». Use institutions, partnerships, training o milestones.',
  'duplicate-table':
    'Esta carga incluye dos archivos para la tabla {table} («{other}» y este). Suba un solo archivo por tabla; si hace falta, únalos antes.',
  'missing-column':
    'Al archivo de {table} le falta la columna obligatoria «{column}». Añada una columna con el encabezado «{column}» y rellénela en todas las filas.',
  'unknown-column.unknown':
    'La columna «{column}» no forma parte de la tabla {table} y se ignorará. Si debía ser una de las columnas de la tabla ({columns}), cambie su encabezado; si no, puede eliminarla.',
  'unknown-column.empty':
    'La columna {position} no tiene encabezado, así que sus valores se ignorarán. Póngale un encabezado o elimine la columna.',
  'unknown-column.duplicate':
    'La columna «{column}» es una segunda columna «{canonical}» y se ignorará; solo se usa la primera. Elimine una de las dos o cámbiele el nombre.',
  'missing-value': 'Fila {row}: «{column}» está vacío, pero es obligatorio. Rellénelo.',
  'too-long':
    'Fila {row}: el valor de «{column}» tiene {length, number} caracteres, y el límite es {maxLength, number}. Compruebe que no falten unas comillas o un separador antes de él (eso junta muchos valores en uno) o acórtelo.',
  'invalid-type.slug':
    'Fila {row}: «{value}» no es un identificador válido para «{column}». Use solo letras minúsculas sin tildes (a–z), cifras y guiones, por ejemplo «{suggestion}».',
  'invalid-type.date':
    'Fila {row}: «{value}» en «{column}» no es una fecha con un formato admitido. Escríbala como 2023-03-22, 22/03/2023, 2023/3/22 o 2023年3月22日.',
  'invalid-type.date-two-digit-year':
    'Fila {row}: «{value}» en «{column}» tiene el año con dos cifras, por lo que la fecha es ambigua. Escriba el año completo, por ejemplo 22/03/2023 o 2023-03-22.',
  'invalid-type.date-month-first':
    'Fila {row}: «{value}» en «{column}» parece estar en formato mes/día/año. Las fechas con barras deben ir como día/mes/año; para evitar dudas, escríbala como año-mes-día, por ejemplo {suggestion}.',
  'invalid-type.date-impossible':
    'Fila {row}: «{value}» en «{column}» no es una fecha real (ese día o ese mes no existen). Revise el día y el mes.',
  'invalid-type.date-serial':
    'Fila {row}: «{value}» en «{column}» parece un número de fecha de Excel y no una fecha. Aplique formato de fecha a la columna en Excel (por ejemplo 2023-03-22) y vuelva a guardar el archivo.',
  'invalid-type.integer':
    'Fila {row}: «{value}» en «{column}» no es un número entero. Escriba solo cifras, por ejemplo 1234.',
  'invalid-type.integer-fraction':
    'Fila {row}: «{value}» en «{column}» tiene decimales, pero esta columna solo admite números enteros. Escriba un número entero, por ejemplo 12.',
  'invalid-type.decimal':
    'Fila {row}: «{value}» en «{column}» no es un número. Escríbalo con punto o coma decimal, por ejemplo 40.28 o 40,28.',
  'invalid-type.country':
    'Fila {row}: «{value}» en «{column}» no es un código de país ISO. Use el código de dos letras, por ejemplo ES para España o CN para China.',
  'invalid-type.country-suggestion':
    'Fila {row}: «{value}» en «{column}» no es un código de país ISO. Use el código de dos letras {suggestion}.',
  'invalid-type.url':
    'Fila {row}: «{value}» en «{column}» no es una dirección web. Escriba la dirección completa, empezando por http:// o https://.',
  'invalid-type.url-scheme':
    'Fila {row}: «{value}» en «{column}» debe empezar por http:// o https://. Escríbala así: {suggestion}.',
  'invalid-enum':
    'Fila {row}: «{value}» no es un valor permitido para «{column}». Use uno de estos: {values}.',
  'invalid-enum.source':
    'Fila {row}: «{value}» en «{column}» no indica de dónde vienen las cifras. Escriba reported (contadas e informadas), estimated (una estimación) o illustrative (un valor de ejemplo, no una cifra real); una celda vacía equivale a reported.',
  'out-of-range.min':
    'Fila {row}: {value} en «{column}» está por debajo del mínimo, {min}. Escriba un valor igual o mayor que {min}.',
  'out-of-range.max':
    'Fila {row}: {value} en «{column}» supera el máximo, {max}. Escriba un valor igual o menor que {max}.',
  'out-of-range.between':
    'Fila {row}: {value} en «{column}» está fuera del rango permitido. Escriba un valor entre {min} y {max}.',
  'out-of-range.date':
    'Fila {row}: «{value}» en «{column}» está fuera de los años {min}–{max}. Revise el año.',
  'out-of-range.same-institution':
    'Fila {row}: el origen y el destino son ambos «{value}», pero una colaboración une a dos instituciones distintas. Corrija uno de los dos.',
  'out-of-range.completed':
    'Fila {row}: las personas que completaron ({value}) son más que las participantes ({trainees}). Nadie puede completar un programa sin participar en él; revise ambas cifras.',
  'duplicate-key.single':
    'Fila {row}: el valor «{value}» de «{column}» ya se usa en la fila {firstRow}. Cada «{column}» debe aparecer una sola vez: cámbielo o elimine una de las dos filas.',
  'duplicate-key.composite':
    'La fila {row} tiene los mismos valores de {columns} que la fila {firstRow} ({value}). Cada combinación solo puede aparecer una vez: una las dos filas o corrija una de ellas.',
  'unknown-reference':
    'Fila {row}: «{value}» en «{column}» no coincide con el identificador de ninguna fila de {refTable}, ni en esta carga ni en los datos ya cargados. Corrija el identificador o añada esa fila al archivo de {refTable} de esta carga.',
  'unknown-reference.orphan':
    '{count, plural, one {# fila} other {# filas}} de {from} {count, plural, one {sigue} other {siguen}} usando «{value}» en «{column}», pero este archivo ya no lo incluye en {referenced}. Mantenga esa fila en este archivo o suba en la misma carga un archivo de {from} que ya no lo use.',
  'empty-table':
    'Este archivo tiene la fila de encabezados pero ninguna fila de datos. Cargado en modo replace vaciaría la tabla {table}, así que la carga se detiene a menos que lo confirme (--allow-empty en la línea de comandos); en modo upsert no cambia nada.',
  'duplicate-pair':
    'Fila {row}: la colaboración entre «{source}» y «{target}» en {area} ya está en la fila {firstRow}, en el otro sentido. Se carga una sola vez, como en la fila {firstRow}, y las filas de otros archivos que usan «{value}» cuentan para «{kept}». Elimine esta fila o, si es una colaboración distinta, asígnele otro ámbito.',
  'too-large':
    'El archivo ocupa {size} y el límite es de {limit} por archivo. Divídalo en archivos más pequeños o quite las columnas que no necesite.',
  'too-many-problems':
    'Este archivo tiene {count, number} problemas más que no se muestran aquí. Corrija los anteriores (a menudo una sola causa explica muchos) y vuelva a validar el archivo.',
};

const ZH: Record<MessageId, string> = {
  'empty-file': '文件为空。请从电子表格重新导出该表，包含标题行和数据行。',
  'invalid-encoding.declared':
    '无法按 {encoding} 编码读取此文件：其中包含该编码下无效的字节。请选择文件保存时使用的编码，或将其另存为“CSV UTF-8”。',
  'invalid-encoding.unsupported':
    '不支持编码“{encoding}”。请选择 UTF-8、UTF-16、GBK、GB18030 或 Windows-1252，或将文件另存为“CSV UTF-8”。',
  'invalid-encoding.undetected':
    '无法识别此文件中的字符（不是 UTF-8、UTF-16、GBK 或 Windows-1252 编码）。请将其另存为“CSV UTF-8”后重新上传。',
  'invalid-encoding.mixed':
    '此文件混用了两种编码：第 {line} 行是 UTF-8（“{value}”），其他行不是，因此部分名称会显示为乱码。可能是从另一个导出文件粘贴了若干行。请将整个文件另存为“CSV UTF-8”，然后上传该文件。',
  'invalid-encoding.binary':
    '{kind, select, nul {此文件第 {line} 行含有 NUL 字符（零字节），CSV 文本中不会出现这种字符：它不是文本文件，或在传输中已损坏。请将表格重新导出为“CSV UTF-8”，然后上传该文件。} other {这不是文本格式的 CSV 文件（看起来像 Excel 工作簿或其他二进制文件）。请在 Excel 中选择“另存为”›“CSV UTF-8（逗号分隔）”，然后上传该文件。}}',
  'ambiguous-encoding':
    '此文件按 {encoding} 编码读取，但也可以按 {otherEncoding} 编码读取：第 {line} 行的“{value}”会变成“{alternative}”。如果数据中的名称显示不正确，请重新上传文件并选择 {otherEncoding} 编码，或将其另存为“CSV UTF-8”。',
  'undetectable-delimiter.none':
    '无法区分此文件的各列：标题行中没有逗号、分号、制表符或竖线把它分成多列。请从电子表格另存为 CSV，或在上传时指定分隔符。',
  'undetectable-delimiter.tie': `无法确定各列是用${delimiterZh('first')}还是${delimiterZh('second')}分隔的：两者都同样符合此文件。请在上传时指定分隔符，或将包含另一个字符的值用英文双引号括起来。`,
  'undetectable-delimiter.invalid': '“{value}”不能用作列分隔符。请选择逗号、分号、制表符或竖线。',
  'too-many-columns':
    '标题行有 {found, number} 列，而一个文件最多只能有 {maxColumns, number} 列。请检查此文件是否为单个表格（机构、合作、培训或里程碑）导出的 CSV，并且只有一行标题。',
  'unclosed-quote.unclosed':
    '文件第 {line} 行有一个以英文双引号（"）开头的值没有结束，因此无法读取文件的其余部分。请补上缺少的结束引号，或删除开头的引号。',
  'unclosed-quote.misplaced':
    '第 {row} 条数据中的英文双引号（"）位置不对：带引号的值必须在结束引号处结束。值中的引号请写成两个引号（""），或删除多余的引号。',
  'ragged-row': `第 {row} 条数据有 {found} 个值，但标题行有 {expected} 列。请检查这一行是否缺少或多出${delimiterZh('delimiter')}，并将包含分隔符的值用英文双引号括起来。`,
  'unknown-table.unrecognised':
    '无法判断此文件属于哪张表。请将文件命名为 institutions.csv、partnerships.csv、training.csv 或 milestones.csv，或检查标题行是否使用了规定的列名。',
  'unknown-table.invalid-name':
    '没有名为“{value}”的表。请使用 institutions、partnerships、training 或 milestones。',
  'duplicate-table':
    '本次上传中有两个文件都属于 {table} 表（“{other}”和本文件）。每张表只能上传一个文件，如有需要请先合并。',
  'missing-column': '{table} 文件缺少必填列“{column}”。请添加标题为“{column}”的列，并在每一行中填写。',
  'unknown-column.unknown':
    '列“{column}”不属于 {table} 表，将被忽略。如果它应是该表的某一列（{columns}），请修改列标题；否则可以删除该列。',
  'unknown-column.empty': '第 {position} 列没有标题，其中的值将被忽略。请为其添加标题或删除该列。',
  'unknown-column.duplicate':
    '列“{column}”是第二个“{canonical}”列，将被忽略，只使用第一个。请删除其中一列或为其重命名。',
  'missing-value': '第 {row} 条数据：“{column}”为空，但该项必填。请填写。',
  'too-long':
    '第 {row} 条数据：“{column}”中的值有 {length, number} 个字符，超过了 {maxLength, number} 个字符的上限。请检查它前面是否缺少引号或分隔符（这会把许多值连成一个），或将其缩短。',
  'invalid-type.slug':
    '第 {row} 条数据：“{value}”不是有效的“{column}”标识。只能使用小写英文字母（a–z）、数字和连字符，例如“{suggestion}”。',
  'invalid-type.date':
    '第 {row} 条数据：“{column}”中的“{value}”不是可接受格式的日期。请写成 2023-03-22、22/03/2023、2023/3/22 或 2023年3月22日 这样的格式。',
  'invalid-type.date-two-digit-year':
    '第 {row} 条数据：“{column}”中的“{value}”年份只有两位，日期有歧义。请写出完整年份，例如 22/03/2023 或 2023-03-22。',
  'invalid-type.date-month-first':
    '第 {row} 条数据：“{column}”中的“{value}”看起来是“月/日/年”格式。带斜杠的日期必须是“日/月/年”；为避免歧义，请写成“年-月-日”，例如 {suggestion}。',
  'invalid-type.date-impossible':
    '第 {row} 条数据：“{column}”中的“{value}”不是真实存在的日期（该日或该月不存在）。请检查日和月。',
  'invalid-type.date-serial':
    '第 {row} 条数据：“{column}”中的“{value}”看起来是 Excel 的日期序号，而不是日期。请在 Excel 中将该列设置为日期格式（例如 2023-03-22）后重新保存。',
  'invalid-type.integer': '第 {row} 条数据：“{column}”中的“{value}”不是整数。请只填写数字，例如 1234。',
  'invalid-type.integer-fraction':
    '第 {row} 条数据：“{column}”中的“{value}”带有小数，但该列只接受整数。请填写整数，例如 12。',
  'invalid-type.decimal':
    '第 {row} 条数据：“{column}”中的“{value}”不是数字。请用小数点或逗号表示小数，例如 40.28 或 40,28。',
  'invalid-type.country':
    '第 {row} 条数据：“{column}”中的“{value}”不是 ISO 国家代码。请使用两个字母的代码，例如西班牙为 ES，中国为 CN。',
  'invalid-type.country-suggestion':
    '第 {row} 条数据：“{column}”中的“{value}”不是 ISO 国家代码。请使用两个字母的代码 {suggestion}。',
  'invalid-type.url':
    '第 {row} 条数据：“{column}”中的“{value}”不是网址。请填写以 http:// 或 https:// 开头的完整网址。',
  'invalid-type.url-scheme':
    '第 {row} 条数据：“{column}”中的“{value}”必须以 http:// 或 https:// 开头。请写成 {suggestion}。',
  'invalid-enum': '第 {row} 条数据：“{value}”不是“{column}”的允许值。请使用以下之一：{values}。',
  'invalid-enum.source':
    '第 {row} 条数据：“{column}”中的“{value}”无法说明数字的来源。请填写 reported（实际统计并报告）、estimated（估计值）或 illustrative（示意数字，并非真实数据）；留空即表示 reported。',
  'out-of-range.min': '第 {row} 条数据：“{column}”中的 {value} 小于最小值 {min}。请填写不小于 {min} 的值。',
  'out-of-range.max': '第 {row} 条数据：“{column}”中的 {value} 大于最大值 {max}。请填写不大于 {max} 的值。',
  'out-of-range.between':
    '第 {row} 条数据：“{column}”中的 {value} 超出允许范围。请填写 {min} 到 {max} 之间的值。',
  'out-of-range.date': '第 {row} 条数据：“{column}”中的“{value}”不在 {min}–{max} 年之间。请检查年份。',
  'out-of-range.same-institution':
    '第 {row} 条数据：发起方和合作方都是“{value}”，但合作必须在两个不同的机构之间。请更正其中之一。',
  'out-of-range.completed':
    '第 {row} 条数据：结业人数（{value}）大于学员人数（{trainees}）。结业人数不能超过学员人数，请检查这两个数字。',
  'duplicate-key.single':
    '第 {row} 条数据：“{column}”的值“{value}”已在第 {firstRow} 条数据中使用。每个“{column}”只能出现一次：请修改它，或删除这两条中的一条。',
  'duplicate-key.composite':
    '第 {row} 条数据与第 {firstRow} 条数据的 {columns} 相同（{value}）。每种组合只能出现一次：请合并这两条数据或更正其中一条。',
  'unknown-reference':
    '第 {row} 条数据：“{column}”中的“{value}”与 {refTable} 中任何一条数据的 id 都不匹配（本次上传和已导入的数据中都没有）。请更正该 id，或在本次上传的 {refTable} 文件中添加这条数据。',
  'unknown-reference.orphan':
    '{from} 中有 {count} 条数据的“{column}”仍在使用“{value}”，但此文件的 {referenced} 中已没有这一项。请在此文件中保留这条数据，或在同一次上传中一并提供不再使用它的 {from} 文件。',
  'empty-table':
    '此文件只有标题行，没有数据行。以替换（replace）模式导入会清空 {table} 表，因此除非您确认（命令行中使用 --allow-empty），否则导入会停止；以更新（upsert）模式导入则不会有任何变化。',
  'duplicate-pair':
    '第 {row} 条数据：“{source}”与“{target}”在 {area} 领域的合作已在第 {firstRow} 条数据中以相反方向出现。它只导入一次（按第 {firstRow} 条），其他文件中使用“{value}”的数据计入“{kept}”。请删除此条数据；如果这是另一项合作，请为它指定其他领域。',
  'too-large':
    '此文件大小为 {size}，超过了每个文件 {limit} 的上限。请将其拆分为更小的文件，或删除不需要的列。',
  'too-many-problems':
    '此文件还有 {count, number} 个问题未在此列出。请先修正上面的问题（往往一个原因会导致许多问题），然后重新验证文件。',
};

/** Every message, by locale. Exposed so tests and the docs can list them. */
export const MESSAGES: Readonly<Record<Locale, Readonly<Record<MessageId, string>>>> = {
  en: EN,
  es: ES,
  zh: ZH,
};

export const MESSAGE_IDS = Object.keys(EN) as MessageId[];

/** The problem code a message belongs to: the part of its id before the first dot. */
export const messageCode = (id: MessageId): ProblemCode => id.split('.')[0] as ProblemCode;

const INTL_LOCALE: Record<Locale, string> = { en: 'en', es: 'es', zh: 'zh-CN' };

// Compiling a message parses ICU syntax: do it once per locale and id, not once per problem.
const formatters = new Map<string, IntlMessageFormat>();

/** Words a message needs that depend on the locale, for list and size parameters. */
const LIST_SEPARATOR: Record<Locale, string> = { en: ', ', es: ', ', zh: '、' };

export function formatMessage(locale: Locale, id: MessageId, params: MessageParams = {}): string {
  const cacheKey = `${locale}\u0000${id}`;
  let formatter = formatters.get(cacheKey);
  if (formatter === undefined) {
    formatter = new IntlMessageFormat(MESSAGES[locale][id], INTL_LOCALE[locale]);
    formatters.set(cacheKey, formatter);
  }
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    values[key] = typeof value === 'string' || typeof value === 'number' ? value : joinList(locale, value);
  }
  const out = formatter.format(values);
  return typeof out === 'string' ? out : String(out);
}

/** Joins the items of a list parameter (enum values, column names) the way the locale writes lists. */
export const joinList = (locale: Locale, items: readonly string[]): string =>
  items.join(LIST_SEPARATOR[locale]);

const sizeFormats = new Map<Locale, Intl.NumberFormat>();

/** A byte count for messages, in bytes, KB or MB (binary multiples, as file browsers show them). */
export function formatBytes(locale: Locale, bytes: number): string {
  let format = sizeFormats.get(locale);
  if (format === undefined) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 1 });
    sizeFormats.set(locale, format);
  }
  if (bytes >= 1024 * 1024) return `${format.format(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${format.format(bytes / 1024)} KB`;
  return `${format.format(bytes)} ${locale === 'zh' ? '字节' : 'bytes'}`;
}
