"""
The national case: COUNT workbooks as agencies keep them, written by openpyxl (another
program than ours), in province folders under OUTDIR, with a manifest of what each one
says (agency, year, framework) and its index worked out here independently, exactly, with
fractions and half-up rounding. Run with Debian's /usr/bin/python3.

    /usr/bin/python3 bench/national.py COUNT OUTDIR
"""
import json
import os
import random
import sys
from fractions import Fraction

import openpyxl

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SPBE = json.load(open(os.path.join(ROOT, "src/frameworks/spbe-2020.json")))
PEMDI = json.load(open(os.path.join(ROOT, "src/frameworks/pemdi-2026.json")))

REGIONS = ["Aceh", "Sumatera Utara", "Riau", "Jambi", "Bengkulu", "Lampung", "Banten", "Jawa Barat", "Jawa Tengah",
           "Jawa Timur", "Bali", "Nusa Tenggara Barat", "Kalimantan Barat", "Sulawesi Selatan", "Maluku", "Papua"]
NAMES = ["Sukamaju", "Tanjung Harapan", "Muara Baru", "Sungai Lestari", "Bukit Indah", "Padang Jaya", "Telaga Biru",
         "Gunung Sari", "Karang Anyar", "Pematang Raya", "Batu Putih", "Lembah Hijau", "Air Mancur", "Sido Makmur"]
PARTS = ["Utara", "Selatan", "Timur", "Barat", "Tengah", "Raya", "Baru", "Hulu", "Hilir"]
MINISTRIES = ["Kementerian Keuangan", "Kementerian Kesehatan", "Badan Pusat Statistik", "Kementerian Perhubungan",
              "Badan Kepegawaian Negara", "Kementerian Agama", "Lembaga Administrasi Negara"]


def indicators(fw):
    return [(a, i) for a in fw["aspects"] for i in a["indicators"]]


def exact_index(fw, values):
    total = sum(Fraction(str(i["weight"])) * Fraction(str(values[i["id"]])) for _, i in indicators(fw))
    x = total / 100
    units = (x * 100 + Fraction(1, 2)).__floor__()
    return f"{units // 100}.{units % 100:02d}"


def levels(fw, rnd, base):
    if fw is SPBE:
        return {i["id"]: max(1, min(5, base + rnd.choice([-1, 0, 0, 1]))) for _, i in indicators(fw)}
    return {i["id"]: round(max(1.0, min(5.0, base + rnd.uniform(-1, 1))), 2) for _, i in indicators(fw)}


def spbe_sheet(wb, title_rows, columns, with_headings, extra):
    ws = wb.create_sheet("Kertas Kerja")
    for t in title_rows:
        ws.append([t])
    ws.append([])
    ws.append(["No", "Indikator", "Penjelasan"] + [c[0] for c in columns] + ["Bukti Dukung"] + extra)
    n = 0
    for d in SPBE["domains"]:
        if with_headings:
            ws.append([f"Domain {d['id']}", d["name"]])
        for aid in d["aspectIds"]:
            a = next(x for x in SPBE["aspects"] if x["id"] == aid)
            if with_headings:
                ws.append([f"Aspek {a['id']}", a["name"]])
            for i in a["indicators"]:
                n += 1
                ws.append([i["id"], i["name"], ""] + [c[1].get(i["id"]) for c in columns] + [f"Dokumen {i['id']}" if i["id"] % 4 else ""] + ["" for _ in extra])
    ws.append([])
    ws.append(["", "Indeks SPBE"])
    ws.append(["", "Predikat"])


def pemdi_sheet(wb, title_rows, columns):
    ws = wb.create_sheet("Pemdi 2026")
    for t in title_rows:
        ws.append([t])
    ws.append([])
    ws.append(["Kode", "Indikator", "Bobot"] + [c[0] for c in columns] + ["Data Dukung"])
    for a in PEMDI["aspects"]:
        ws.append([f"Aspek {a['id']}", a["name"]])
        for i in a["indicators"]:
            ws.append([i["code"], i["name"], i["weight"]] + [c[1].get(i["id"]) for c in columns] + ["ada" if i["id"] % 2 else ""])


def cover(wb, agency, year, labelled):
    ws = wb.create_sheet("Sampul", 0)
    ws["B2"] = "LAPORAN EVALUASI SISTEM PEMERINTAHAN BERBASIS ELEKTRONIK"
    if labelled:
        ws["B4"], ws["C4"] = "Nama Instansi", agency
        ws["B5"], ws["C5"] = "Tahun Evaluasi", year
    else:
        ws["B4"] = agency
        ws["B5"] = f"Tahun {year}"
    ws["B7"], ws["B8"] = "Indeks SPBE", "Predikat"


def make(k, rnd):
    kind = k % 4
    region = REGIONS[k % len(REGIONS)]
    place = f"{NAMES[k % len(NAMES)]} {PARTS[(k // len(NAMES)) % len(PARTS)]}"
    agency = MINISTRIES[k % len(MINISTRIES)] if kind == 3 else (f"Pemerintah Kota {place}" if k % 3 == 0 else f"Pemerintah Kabupaten {place}")
    fw = PEMDI if kind == 2 else SPBE
    year = 2026 if fw is PEMDI else 2021 + k % 4
    base = rnd.choice([1, 2, 2, 3, 3, 3, 4]) if fw is SPBE else rnd.uniform(1.3, 3.8)
    self_levels, final = levels(fw, rnd, base + (1 if fw is SPBE else 0.3)), levels(fw, rnd, base)
    status = "complete"
    if k % 40 == 7:
        final = {}
        status = "not-filled"
    elif k % 20 == 3:
        final = dict(final)
        del final[indicators(fw)[k % len(indicators(fw))][1]["id"]]
        status = "incomplete"
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    columns = [("Penilaian Mandiri", self_levels), ("Nilai Asesor", final)]
    if kind == 0:
        cover(wb, agency, year, labelled=True)
        spbe_sheet(wb, ["KERTAS KERJA EVALUASI SPBE"], columns, True, ["Catatan Asesor", "Rekomendasi"])
    elif kind == 1:
        spbe_sheet(wb, ["LEMBAR KERJA EVALUASI SPBE", f"{agency} — Tahun {year}"], columns, False, ["Tindak Lanjut"])
    elif kind == 2:
        pemdi_sheet(wb, [f"Evaluasi Pemerintah Digital — {agency} {year}"], columns)
    else:
        cover(wb, agency, year, labelled=k % 8 == 3)
        spbe_sheet(wb, ["PENILAIAN MANDIRI SPBE"], columns, True, [])
    letters = ["D", "E"]
    expected = []
    for (header, values), letter in zip(columns, letters if fw is SPBE else ["D", "E"]):
        complete = len(values) == len(indicators(fw))
        expected.append({"column": letter, "header": header, "index": float(exact_index(fw, values)) if complete else None})
    if status != "complete":
        expected[-1]["status"] = status
    return wb, {"framework": fw["id"], "agency": agency, "year": year, "columns": expected}


def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    rnd = random.Random(615)
    manifest = []
    for k in range(count):
        folder = os.path.join(out, f"{k % len(REGIONS) + 1:02d}-{REGIONS[k % len(REGIONS)].lower().replace(' ', '-')}")
        os.makedirs(folder, exist_ok=True)
        name = os.path.join(folder, f"evaluasi-{k:03d}.xlsx")
        if k % 100 == 37:
            # A copy cut short in an e-mail: not a workbook any more.
            wb, _ = make(k, rnd)
            wb.save(name)
            data = open(name, "rb").read()
            open(name, "wb").write(data[: len(data) // 3])
            manifest.append({"file": os.path.relpath(name, out), "unreadable": True})
            continue
        wb, entry = make(k, rnd)
        wb.save(name)
        if k % 50 == 11:
            open(os.path.join(folder, f"~$evaluasi-{k:03d}.xlsx"), "wb").write(b"owner")
        entry["file"] = os.path.relpath(name, out)
        manifest.append(entry)
    json.dump(manifest, open(os.path.join(out, "manifest.json"), "w"), indent=1)


if __name__ == "__main__":
    main()
