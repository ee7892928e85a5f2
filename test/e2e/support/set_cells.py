#!/usr/bin/env python3
"""Changes cell values inside an .xlsx by editing its XML directly: a program other
than spbe-index, so a test can prove the workbook's formulas are live.

usage: set_cells.py IN.xlsx OUT.xlsx SHEET_NAME CELL=NUMBER [CELL=NUMBER ...]
"""
import re
import sys
import zipfile


def sheet_path(z, name):
    wb = z.read("xl/workbook.xml").decode()
    rels = z.read("xl/_rels/workbook.xml.rels").decode()
    m = re.search(r'<sheet [^>]*name="%s"[^>]*r:id="([^"]+)"' % re.escape(name), wb)
    rid = m.group(1)
    t = re.search(r'<Relationship [^>]*Id="%s"[^>]*Target="([^"]+)"' % rid, rels) or re.search(
        r'<Relationship [^>]*Target="([^"]+)"[^>]*Id="%s"' % rid, rels)
    target = t.group(1).lstrip("/")
    return target if target.startswith("xl/") else "xl/" + target


def set_cell(xml, ref, number):
    cell = re.compile(r'<c r="%s"(?P<attrs>[^>]*?)(?:/>|>(?P<body>.*?)</c>)' % ref, re.S)
    m = cell.search(xml)
    if not m:
        raise SystemExit("cell %s not found" % ref)
    attrs = re.sub(r'\s+t="[^"]*"', "", m.group("attrs"))
    return xml[: m.start()] + '<c r="%s"%s><v>%s</v></c>' % (ref, attrs, number) + xml[m.end():]


def main():
    src, dst, sheet = sys.argv[1:4]
    with zipfile.ZipFile(src) as z:
        path = sheet_path(z, sheet)
        items = {i.filename: z.read(i.filename) for i in z.infolist()}
    xml = items[path].decode()
    for arg in sys.argv[4:]:
        ref, value = arg.split("=")
        xml = set_cell(xml, ref, value)
    items[path] = xml.encode()
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items.items():
            z.writestr(name, data)


main()
