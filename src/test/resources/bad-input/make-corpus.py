#!/usr/bin/env python3
"""Writes the bad-input corpus (run from this folder; the files are committed, this shows how they were made).

Every file is sent by BadInputCorpusTest as cases.tsv says; the proposal BUF-T-BADINPUT exists (plan 2026-2029,
no loan, no transfers flag, targets EFF, M1 due 2027, KPI K1), the test profile's current year is 2030.
"""
import io, json, zipfile

REF = "BUF-T-BADINPUT"
HEAD = "reference,year,investment,operationFunding,operatingCost,serviceEfficiency,transferEffect,explanation"
DK_HEAD = HEAD.replace(",", ";")

def w(name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(name, "wb") as f:
        f.write(data)

def row(*cells):
    return ",".join(str(c) for c in cells)

ok = [REF, 2029, 0, 0, 0, 2000000, 0, ""]
def csv(name, *rows, head=HEAD, enc="utf-8", nl="\n"):
    w(name, (nl.join([head] + list(rows)) + nl).encode(enc))

def with_cell(i, v, base=ok):
    r = list(base); r[i] = v; return row(*r)

# --- encodings and structure -----------------------------------------------------------------------------------
w("import-utf16le-with-bom.csv", ("\ufeff" + HEAD + "\n" + row(*ok) + "\n").encode("utf-16-le"))
w("import-utf16be-without-bom.csv", (HEAD + "\n" + row(*ok) + "\n").encode("utf-16-be"))
w("import-binary-png.csv", bytes.fromhex("89504e470d0a1a0a0000000d49484452") + bytes(range(256)) * 4)
csv("import-mixed-delimiters.csv", row(*ok).replace(",", ";", 3), head=HEAD)
csv("import-semicolon-header-comma-rows.csv", row(*ok), head=DK_HEAD)
csv("import-bom-in-the-middle.csv", with_cell(0, "\ufeff" + REF))
csv("import-quoted-newline-in-reference.csv", with_cell(0, '"BUF-T-\nBADINPUT"'))
csv("import-unterminated-quote.csv", with_cell(7, '"forklaring uden slut'))
csv("import-old-mac-line-endings-bad-year.csv", with_cell(1, "20x9"), nl="\r")
csv("import-nul-in-explanation.csv", with_cell(7, "før\x00efter"))
csv("import-control-character-in-reference.csv", with_cell(0, REF + "\x07"))
csv("import-explanation-too-long.csv", with_cell(7, "x" * 4001))
csv("import-cell-over-100000-characters.csv", with_cell(7, "y" * 100_001))
w("import-empty.csv", b"")
csv("import-header-only.csv")
csv("import-unknown-column.csv", row(*ok, 1), head=HEAD + ",gevinst2029")
csv("import-missing-column.csv", row(*ok[:6], ok[7]), head=HEAD.replace(",transferEffect", ""))
csv("import-duplicate-column.csv", row(*ok, 5), head=HEAD + ",investment")
csv("import-danish-header-duplicate.csv", row(*ok, 5), head=HEAD + ",Implementeringsomkostninger")
csv("import-too-many-cells.csv", row(*ok, "ekstra"))
# --- numbers ---------------------------------------------------------------------------------------------------
csv("import-1e400.csv", with_cell(2, "1e400"))
csv("import-nan.csv", with_cell(2, "NaN"))
csv("import-infinity.csv", with_cell(5, "Infinity"))
csv("import-minus-zero-year.csv", with_cell(1, "-0"))
csv("import-three-decimals.csv", with_cell(5, "2000000.125"))
csv("import-danish-three-decimals.csv", ";".join(str(c) for c in [REF, 2029, 0, 0, 0, "2.000.000,125", 0, ""]), head=DK_HEAD)
csv("import-negative-amount.csv", with_cell(3, "-5"))
csv("import-amount-too-large.csv", with_cell(2, "99999999999999999"))
csv("import-formula-in-amount.csv", with_cell(5, "=1000000*2"))
csv("import-thousands-dots-with-decimal-point.csv", with_cell(5, "2.000.000.5"))
csv("import-percent-amount.csv", with_cell(5, "95%"))
csv("import-currency-text.csv", with_cell(5, "2.000.000 kr."))
# --- years -----------------------------------------------------------------------------------------------------
csv("import-date-as-year-iso.csv", with_cell(1, "2029-01-01"))
csv("import-date-as-year-danish.csv", with_cell(1, "01.01.2029").replace(",", ";"), head=DK_HEAD)
csv("import-year-with-decimals.csv", with_cell(1, "2029.5"))
csv("import-year-in-the-future.csv", with_cell(1, "2031"))
csv("import-year-before-the-plan.csv", with_cell(1, "1999"))
csv("import-year-huge.csv", with_cell(1, "99999999999999999999"))
# --- rules -----------------------------------------------------------------------------------------------------
csv("import-unknown-reference.csv", with_cell(0, "BUF-T-FINDESIKKE"))
csv("import-transfer-without-flag.csv", with_cell(6, "1000"))
csv("import-duplicate-row.csv", row(*ok), row(*ok))
csv("import-explanation-missing.csv", with_cell(5, "100"))
csv("import-last-row-bad.csv", row(*ok), with_cell(1, "2028"), with_cell(2, "x", [REF, 2027, 1000000, 0, 0, 500000, 0, ""]))
csv("import-missing-reference.csv", with_cell(0, ""))
# --- Ø in references, every encoding (the reference does not exist: a precise row error) ------------------------
oe = ["ØKF-T-UKENDT", 2029, 0, 0, 0, 0, 0, ""]
w("import-oe-utf8.csv", (HEAD + "\n" + row(*oe) + "\n").encode("utf-8"))
w("import-oe-utf8-bom.csv", ("\ufeff" + HEAD + "\n" + row(*oe) + "\n").encode("utf-8"))
w("import-oe-windows-1252.csv", (DK_HEAD + "\n" + row(*oe).replace(",", ";") + "\n").encode("cp1252"))
w("import-oe-iso-8859-1.csv", (HEAD + "\n" + row(*oe) + "\n").encode("latin-1"))
w("import-oe-utf8-decomposed.csv", (HEAD + "\n" + row("O\u0338KF-T-UKENDT", *oe[1:]) + "\n").encode("utf-8"))
w("import-oe-mojibake.csv", (HEAD + "\n" + row("Ã˜KF-T-UKENDT", *oe[1:]) + "\n").encode("utf-8"))

# --- XLSX ------------------------------------------------------------------------------------------------------
CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
      '<Default Extension="xml" ContentType="application/xml"/>'
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
      '</Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
WB = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>')
WBRELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
          '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')

def cell(ref, v):
    if isinstance(v, tuple):  # ("f", formula) or ("d", date serial)
        kind, x = v
        if kind == "f":
            return f'<c r="{ref}"><f>{x}</f></c>'
        return f'<c r="{ref}" s="0"><v>{x}</v></c>'
    if isinstance(v, (int, float)):
        return f'<c r="{ref}"><v>{v}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>'

def sheet(rows):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for i, r in enumerate(rows, 1):
        out.append(f'<row r="{i}">' + "".join(cell(chr(65 + j) + str(i), v) for j, v in enumerate(r) if v != "") + "</row>")
    out.append("</sheetData></worksheet>")
    return "".join(out)

def xlsx(name, rows=None, sheet_xml=None, level=zipfile.ZIP_DEFLATED):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", level) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", RELS)
        z.writestr("xl/workbook.xml", WB)
        z.writestr("xl/_rels/workbook.xml.rels", WBRELS)
        z.writestr("xl/worksheets/sheet1.xml", sheet_xml if sheet_xml is not None else sheet(rows))
    w(name, buf.getvalue())

H = HEAD.split(",")
xlsx("import-xlsx-formula-reference.xlsx", [H, [("f", 'CONCATENATE("BUF-T-","BADINPUT")'), 2029, 0, 0, 0, 2000000, 0]])
xlsx("import-xlsx-formula-amount-without-value.xlsx", [H, [REF, 2029, 0, 0, 0, ("f", "1/0"), 0]])
xlsx("import-xlsx-text-in-amount.xlsx", [H, [REF, 2029, 0, 0, 0, "to millioner", 0]])
xlsx("import-xlsx-date-as-year.xlsx", [H, [REF, ("d", 47119), 0, 0, 0, 2000000, 0]])
xlsx("import-xlsx-three-decimals.xlsx", [H, [REF, 2029, 0, 0, 0, 2000000.125, 0]])
xlsx("import-xlsx-empty-sheet.xlsx", [])
# a zip bomb: 300 MB of sheet XML compressed to a few hundred KB
bomb = sheet([H]) .replace("</sheetData>", "</sheetData>" + "<!--" + " " * 300_000_000 + "-->")
xlsx("import-xlsx-zip-bomb.xlsx", sheet_xml=bomb)
w("import-xlsx-not-a-zip.xlsx", b"PK\x03\x04 this is not really a zip file" * 10)
w("import-xlsx-truncated.xlsx", open("import-xlsx-text-in-amount.xlsx", "rb").read()[:300])

# --- JSON bodies -----------------------------------------------------------------------------------------------
act = {"year": 2029, "investment": 0, "operationFunding": 0, "operatingCost": 0, "serviceEfficiency": 2000000, "transferEffect": 0}
def j(name, obj=None, raw=None):
    w(name, raw if raw is not None else json.dumps(obj, ensure_ascii=False))
def actw(**kw):
    a = dict(act); a.update(kw); return a
j("actuals-string-amount.json", actw(investment="0"))
j("actuals-year-as-date.json", actw(year="2029-01-01"))
j("actuals-year-decimal.json", raw=json.dumps(act).replace('"year": 2029', '"year": 2029.5'))
j("actuals-1e400.json", raw=json.dumps(act).replace('"investment": 0', '"investment": 1e400'))
j("actuals-nan.json", raw=json.dumps(act).replace('"investment": 0', '"investment": NaN'))
j("actuals-three-decimals.json", raw=json.dumps(act).replace('"serviceEfficiency": 2000000', '"serviceEfficiency": 2000000.125'))
j("actuals-negative.json", actw(operatingCost=-1))
j("actuals-number-too-long.json", raw=json.dumps(act).replace('"investment": 0', '"investment": ' + "1" * 60))
j("actuals-unknown-field.json", actw(gevinst=5))
j("actuals-duplicate-key.json", raw=json.dumps(act)[:-1] + ', "investment": 5}')
j("actuals-nul-in-explanation.json", raw=json.dumps(actw(explanation="før\u0000efter")))
j("actuals-lone-surrogate.json", raw=json.dumps(act)[:-1] + ', "explanation": "\\ud800"}')
j("actuals-array-not-object.json", [act])
j("actuals-truncated.json", raw=json.dumps(act)[:40])
j("actuals-empty-body.json", raw="")
j("actuals-xml-body.json", raw="<actual><year>2029</year></actual>")
j("actuals-latin1-bytes.json", raw=json.dumps(actw(explanation="Årsag: økonomi"), ensure_ascii=False).encode("latin-1"))
j("actuals-deep-nesting.json", raw='{"year": 2029, "kpis": ' + "[" * 10_000 + "]" * 10_000 + "}")
j("actuals-unknown-kpi.json", actw(kpis={"K9": 5}))
j("actuals-kpi-as-text.json", actw(kpis={"K1": "mange"}))
j("actuals-string-too-long.json", actw(explanation="x" * 1_100_000))
# issue 21: a year outside follow-up (before the first plan year, after the current year); every error at once
j("actuals-year-before-the-plan.json", actw(year=1990))
j("actuals-year-in-the-future.json", actw(year=2031))
j("actuals-every-error-at-once.json", actw(operatingCost=-1, serviceEfficiency=3000000, kpis={"K9": 5}))
prop = {"reference": "BUF-T-BAD2", "title": "Forkert", "kind": "LOAN", "leadAdministration": "BUF", "administrations": ["BUF"],
        "adoptionRound": "BUDGET", "adoptionYear": 2026, "priceLevelYear": 2026, "priorityClass": 2, "digital": False,
        "baseInvestment": False, "dependentProposals": [], "transfersEffect": False, "employerAreaEffect": False,
        "premisesChange": False, "newItSystem": False, "otherAdministrationsPotential": False,
        "expectedInvestmentProposalYear": None, "assessments": [], "plan": [], "targets": [], "loan": None}
j("proposal-unknown-enum.json", prop)
p2 = dict(prop, kind="INVESTMENT", plan=[{"year": 2026 + (i % 5), "investment": 1, "operationFunding": 0, "operatingCost": 0,
        "serviceEfficiency": 0, "transferEffect": 0} for i in range(20_000)])
j("proposal-huge-plan-array.json", p2)
j("proposal-oe-reference-latin1.json", raw=json.dumps(dict(prop, kind="INVESTMENT", reference="ØKF-T-X"), ensure_ascii=False).encode("latin-1"))
line = {"year": 2026, "investment": 1000000, "operationFunding": 0, "operatingCost": 0, "serviceEfficiency": 0, "transferEffect": 0}
j("proposal-administration-unknown.json", dict(prop, kind="INVESTMENT", leadAdministration="XYZ", administrations=["XYZ"], plan=[line]))
j("proposal-boolean-as-string.json", dict(prop, kind="INVESTMENT", digital="ja"))
j("price-index-string-value.json", raw='{"year": 2026, "index": "1,05"}')
j("user-roles-unknown.json", {"username": "bad.input", "password": "x" * 12, "roles": ["superuser"], "administrations": ["BUF"]})

# --- issue 19: readers' limits, years in ASCII digits, JSON keys ----------------------------------------------
SST_CT = CT.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" '
                    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
SST_RELS = WBRELS.replace("</Relationships>", '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/'
                          '2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
SST = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
       f'count="1" uniqueCount="1"><si><t>{REF}</t></si></sst>')

def xlsx_parts(name, sheet_xml, shared=False):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", SST_CT if shared else CT)
        z.writestr("_rels/.rels", RELS)
        z.writestr("xl/workbook.xml", WB)
        z.writestr("xl/_rels/workbook.xml.rels", SST_RELS if shared else WBRELS)
        z.writestr("xl/worksheets/sheet1.xml", sheet_xml)
        if shared:
            z.writestr("xl/sharedStrings.xml", SST)
    w(name, buf.getvalue())

# one cell at column ZZZZZZ: read naively, its row is padded to 321 million cells (OutOfMemoryError)
xlsx_parts("import-xlsx-column-zzzzzz.xlsx", sheet([H, ok[:7]]).replace("</row></sheetData>",
           '<c r="ZZZZZZ2"><v>1</v></c></row></sheetData>'))
# a shared-string index of -1 (and the file's one shared string used properly in the row before)
xlsx_parts("import-xlsx-shared-string-minus-one.xlsx", sheet([H, ok[:7], ok[:7]])
           .replace(f'<c r="A2" t="inlineStr"><is><t>{REF}</t></is></c>', '<c r="A2" t="s"><v>0</v></c>')
           .replace(f'<c r="A3" t="inlineStr"><is><t>{REF}</t></is></c>', '<c r="A3" t="s"><v>-1</v></c>'), shared=True)
# a CSV line of 20,000 fields (more than XFD, 16,384)
csv("import-more-fields-than-xfd.csv", row(*ok) + "," * 20_000)
# years with a sign or in other digits than ASCII
csv("import-year-plus-sign.csv", with_cell(1, "+2029"))
csv("import-year-full-width-digits.csv", with_cell(1, "\uff12\uff10\uff12\uff19"))
csv("import-year-arabic-indic-digits.csv", with_cell(1, "\u0662\u0660\u0662\u0669"))
# a valid body, sent to a year path written with a sign or in full-width digits (cases.tsv)
j("actuals-valid-body.json", act)
# 20,000 keys in one map (refused once 1,000 keys are read, before the rest is)
j("actuals-too-many-keys.json", raw='{"year": 2029, "kpis": {' + ", ".join(f'"K{i}": 1' for i in range(20_000)) + "}}")

# --- blank cells (DOMAIN.md Edges 11) and who writes (cases.tsv's sixth column: the user who sends it) ----------
# The test stores BUF-T-BADINPUT 2026 (investment 2.500.000 against the plan's 3.000.000, with an explanation and
# KPI K1 1.100) and creates KFF-T-CROSSCUT, a cross-cutting proposal led by KFF with BUF and SOF taking part.
TEMPLATE_HEAD = ("Reference;Titel;År;Plan: Implementeringsomkostninger (investering);Implementeringsomkostninger (investering);"
                 "Plan: Midlertidig driftsfinansiering fra puljen;Midlertidig driftsfinansiering fra puljen;"
                 "Plan: Varige driftsudgifter;Varige driftsudgifter;Plan: Effektivisering på service;Effektivisering på service;"
                 "Plan: Effekt på overførsler;Effekt på overførsler;Afdrag på lån;Forklaring;KPI K1: Sagsbehandlingstimer sparet (timer);"
                 "Milepæl M1: opnået år")
def trow(ref, year, plan, inputs):
    cells = [ref, "Digital pladsanvisning", str(year)]
    for p, i in zip(plan, inputs[:5]):
        cells += [p, i]
    return ";".join(cells + inputs[5:])
# a stored row with blank amount, explanation and KPI cells (kept: no EXPLANATION_REQUIRED for its deviation) and a bad row
csv("import-blank-cells-on-a-stored-row.csv",
    trow(REF, 2026, ["3000000", "0", "0", "0", "0"], ["2.500.000", "", "", "", "", "", "", "", ""]),
    trow(REF, 2029, ["0", "0", "0", "2000000", "0"], ["0", "0", "0", "to mio", "0", "", "", "", ""]), head=TEMPLATE_HEAD)
# template rows left untouched (no figures: they change nothing, no false "afviger mere end 5 %") and one bad year
csv("import-template-rows-untouched.csv",
    trow(REF, 2027, ["1000000", "0", "0", "500000", "0"], [""] * 9),
    trow(REF, 2028, ["0", "0", "0", "1500000", "0"], [""] * 9),
    trow(REF, "2O29", ["0", "0", "0", "2000000", "0"], ["0", "0", "0", "2.000.000", "0", "", "", "", ""]), head=TEMPLATE_HEAD)
# another administration's cross-cutting proposal, sent by an entry user of a participating administration (BUF)
csv("import-cross-cutting-led-by-another.csv", row(REF, 2029, 0, 0, 0, 2000000, 0, ""),
    row("KFF-T-CROSSCUT", 2026, 3000000, 0, 0, 0, 0, ""))
