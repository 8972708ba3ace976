"""Writing spreadsheets as a stream: CSV and a minimal one-sheet XLSX, no temporary file.

The XLSX is zipped on the fly into a write-only, unseekable buffer (zipfile writes data
descriptors for that), with inline strings, so memory stays flat however many rows there are
(a sheet that must wait for the one before it is held compressed: RowBuffer).
Every text cell that a spreadsheet would run as a formula is neutralised.

Why by hand and not openpyxl: its write-only mode still writes every row to a temporary file on
disk before zipping, so an export of claimants' answers would leave plaintext on the server's
disk. This writer never touches the disk. (openpyxl is a test dependency only: the tests read the
XLSX back with it.)
"""

import csv
import io
import itertools
import json
import re
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone

# Output is handed to the client in pieces of about this size.
FLUSH_SIZE = 64 * 1024
# Excel refuses longer cells; a longer answer is cut and marked, never silently dropped.
XLSX_MAX_CELL = 32767
# Start characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Characters XML 1.0 cannot carry at all, even escaped.
XML_ILLEGAL = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def neutralise(text: str) -> str:
    """A cell a spreadsheet will not run: formula-like text gets a leading apostrophe."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Line:
    """A file-like object that hands back what csv.writer writes, one row at a time."""

    def write(self, text):
        return text


def csv_text(rows):
    """Rows as CSV lines, formula-like text cells neutralised."""
    writer = csv.writer(_Line())
    return "".join(
        writer.writerow(
            ["'" + cell if cell.__class__ is str and cell.startswith(FORMULA_STARTS) else cell for cell in row]
        )
        for row in rows
    )


def csv_stream(header_rows, rows):
    """UTF-8 with a byte-order mark, so spreadsheet programs read Chinese correctly."""
    pending, size = ["\ufeff"], 1
    for row in itertools.chain(header_rows, rows):
        line = csv_text((row,))
        pending.append(line)
        size += len(line)
        if size >= FLUSH_SIZE:
            yield "".join(pending)
            pending, size = [], 0
    yield "".join(pending)


# --- XLSX ------------------------------------------------------------------------------------------
class _Sink(io.RawIOBase):
    """Write-only and unseekable: collects zip output until the generator takes it."""

    def __init__(self):
        self._parts = []
        self.size = 0

    def writable(self):
        return True

    def write(self, data):
        self._parts.append(bytes(data))
        self.size += len(data)
        return len(data)

    def take(self):
        data = b"".join(self._parts)
        self._parts.clear()
        self.size = 0
        return data


NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def content_types(sheet_count):
    sheets = "".join(
        f'<Override PartName="/xl/worksheets/sheet{number}.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for number in range(1, sheet_count + 1)
    )
    return (
        XML_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        f"{sheets}"
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        "</Types>"
    )


CONTENT_TYPES = content_types(1)
ROOT_RELS = (
    XML_HEAD + f'<Relationships xmlns="{NS_PKG_REL}">'
    f'<Relationship Id="rId1" Type="{NS_REL}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)


def workbook_rels(sheet_count):
    """Sheets are rId1..rIdN, the styles rId(N+1)."""
    sheets = "".join(
        f'<Relationship Id="rId{number}" Type="{NS_REL}/worksheet" Target="worksheets/sheet{number}.xml"/>'
        for number in range(1, sheet_count + 1)
    )
    return (
        XML_HEAD + f'<Relationships xmlns="{NS_PKG_REL}">{sheets}'
        f'<Relationship Id="rId{sheet_count + 1}" Type="{NS_REL}/styles" Target="styles.xml"/>'
        "</Relationships>"
    )


WORKBOOK_RELS = workbook_rels(1)
# Style 1: bold, for the header rows.
STYLES = (
    XML_HEAD + f'<styleSheet xmlns="{NS_MAIN}">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)


def workbook_xml(*sheet_names):
    sheets = "".join(
        f'<sheet name="{xml_text(name, attribute=True)}" sheetId="{number}" r:id="rId{number}"/>'
        for number, name in enumerate(sheet_names, start=1)
    )
    return XML_HEAD + f'<workbook xmlns="{NS_MAIN}" xmlns:r="{NS_REL}"><sheets>{sheets}</sheets></workbook>'


def xml_text(text: str, attribute=False, cleaned=False) -> str:
    if not cleaned:
        text = XML_ILLEGAL.sub("", text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace('"', "&quot;") if attribute else text


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


# Anything in a text cell that needs more than copying: characters XML cannot carry, markup
# characters to escape, carriage returns. Most answers have none, and one search says so.
_NEEDS_WORK = re.compile("[^\t\n\u0020-\u0025\u0027-\u003b\u003d\u003f-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _cell_text(value):
    """The text of a string cell as it goes between <t> and </t> ("" for an empty cell)."""
    text = str(value)
    if _NEEDS_WORK.search(text):
        text = neutralise(XML_ILLEGAL.sub("", text))
        if len(text) > XLSX_MAX_CELL:
            text = text[: XLSX_MAX_CELL - 1] + "…"
        # Carriage returns would be folded away by any XML parser; keep them as line breaks.
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        return xml_text(text, cleaned=True)
    if text.startswith(FORMULA_STARTS):
        text = "'" + text
    if len(text) > XLSX_MAX_CELL:
        text = text[: XLSX_MAX_CELL - 1] + "…"
    return text


# Whitespace a spreadsheet trims from the ends of a cell unless told xml:space="preserve".
_EDGE_SPACE = frozenset(" \t\n")


def xlsx_cell(reference, value, style=0):
    style_attribute = f' s="{style}"' if style else ""
    if isinstance(value, int) and not isinstance(value, bool):
        return f'<c r="{reference}"{style_attribute}><v>{value}</v></c>'
    text = _cell_text(value)
    if not text:
        return ""
    space = ' xml:space="preserve"' if text[0] in _EDGE_SPACE or text[-1] in _EDGE_SPACE else ""
    return f'<c r="{reference}" t="inlineStr"{style_attribute}><is><t{space}>{text}</t></is></c>'


_LETTERS = [column_letter(index) for index in range(1024)]


def xlsx_row(number, values, style=0):
    """One <row>; empty cells are left out (each written cell names its column)."""
    if style or len(values) > len(_LETTERS):
        letters = _LETTERS if len(values) <= len(_LETTERS) else [column_letter(i) for i in range(len(values))]
        cells = "".join(
            xlsx_cell(f"{letter}{number}", value, style)
            for letter, value in zip(letters, values, strict=False)
            if value != ""
        )
        return f'<row r="{number}">{cells}</row>'
    # The plain rows of an export (most of its time): the same as xlsx_cell, inlined. One search
    # over the whole row tells whether any text needs cleaning (most rows: none).
    parts = [f'<row r="{number}">']
    append = parts.append
    clean = not _NEEDS_WORK.search("\n".join([value for value in values if value.__class__ is str]))
    for letter, value in zip(_LETTERS, values, strict=False):
        kind = value.__class__
        if kind is str:
            if not value:
                continue
            if not clean or len(value) > XLSX_MAX_CELL or value.startswith(FORMULA_STARTS):
                value = _cell_text(value)
                if not value:
                    continue
        elif kind is int:
            append(f'<c r="{letter}{number}"><v>{value}</v></c>')
            continue
        elif value != "":
            value = _cell_text(value)
            if not value:
                continue
        else:
            continue
        if value[0] in _EDGE_SPACE or value[-1] in _EDGE_SPACE:
            append(f'<c r="{letter}{number}" t="inlineStr"><is><t xml:space="preserve">{value}</t></is></c>')
        else:  # nothing for a spreadsheet to trim: no need to say "keep the spaces" (fewer bytes)
            append(f'<c r="{letter}{number}" t="inlineStr"><is><t>{value}</t></is></c>')
    append("</row>")
    return "".join(parts)


def xlsx_body(rows, first_number):
    """A sheet's body (see Sheet) from rows, numbered from ``first_number``."""
    for number, values in enumerate(rows, start=first_number):
        yield xlsx_row(number, values).encode()


class RowBuffer:
    """Rows kept for later, compressed in memory (never on disk: they are claimants' answers).

    Holds the rows of a sheet that must wait for the sheet before it (the transactions of an
    export's cases, gathered while the cases are written): about 20 bytes a row once compressed.
    Rows are lists of text and numbers; iterating gives them back in order, once."""

    def __init__(self):
        self._compressor = zlib.compressobj(1)
        self._parts = []

    def add(self, row):
        self.add_lines(json.dumps(row, ensure_ascii=False).encode() + b"\n")

    def add_lines(self, lines: bytes):
        """Rows already written as JSON, one per line (each ending with a line break)."""
        if lines:
            self._parts.append(self._compressor.compress(lines))

    def __iter__(self):
        if self._compressor is None:  # already read
            return
        self._parts.append(self._compressor.flush())
        parts, self._parts, self._compressor = self._parts, [], None
        decompressor, pending = zlib.decompressobj(), b""
        for part in parts:
            pending += decompressor.decompress(part)
            *lines, pending = pending.split(b"\n")
            for line in lines:
                yield json.loads(line)


@dataclass
class Sheet:
    """One worksheet: its name, bold header rows, and its body, made only when the sheet is written:
    an iterable of bytes, the <row> elements numbered from the row after the headers on."""

    name: str
    header_rows: list
    body: Iterable
    column_count: int


def xlsx_workbook(sheets):
    """A workbook of ``sheets`` written one after the other (a sheet's body is not read until the
    sheet before it is finished), yielding zip bytes whenever enough have built up."""
    sink = _Sink()
    # Level 1: a third of the CPU of the default level for a file about 15% larger.
    with zipfile.ZipFile(sink, mode="w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as package:
        package.writestr("[Content_Types].xml", content_types(len(sheets)))
        package.writestr("_rels/.rels", ROOT_RELS)
        package.writestr("xl/workbook.xml", workbook_xml(*(sheet.name for sheet in sheets)))
        package.writestr("xl/_rels/workbook.xml.rels", workbook_rels(len(sheets)))
        package.writestr("xl/styles.xml", STYLES)
        yield sink.take()
        for number, sheet in enumerate(sheets, start=1):
            yield from _write_sheet(package, sink, number, sheet)
    yield sink.take()


def _write_sheet(package, sink, number, sheet):
    entry = zipfile.ZipInfo(f"xl/worksheets/sheet{number}.xml", date_time=timezone.now().timetuple()[:6])
    entry.compress_type = zipfile.ZIP_DEFLATED
    entry._compresslevel = 1  # Python 3.12's name; 3.13 reads it through compress_level
    with package.open(entry, mode="w", force_zip64=True) as part:
        frozen = len(sheet.header_rows)
        part.write(
            (
                XML_HEAD + f'<worksheet xmlns="{NS_MAIN}" xmlns:r="{NS_REL}">'
                '<sheetViews><sheetView workbookViewId="0">'
                f'<pane ySplit="{frozen}" topLeftCell="A{frozen + 1}" activePane="bottomLeft" state="frozen"/>'
                "</sheetView></sheetViews>"
                f'<cols><col min="1" max="{max(sheet.column_count, 1)}" width="24" customWidth="1"/></cols>'
                "<sheetData>"
            ).encode()
        )
        for row_number, values in enumerate(sheet.header_rows, start=1):
            part.write(xlsx_row(row_number, values, style=1).encode())
        for data in sheet.body:
            part.write(data)
            if sink.size >= FLUSH_SIZE:
                yield sink.take()
        part.write(b"</sheetData></worksheet>")
