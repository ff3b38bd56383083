"""Word files written by hand, part by part, to carry what Word itself (and Google Docs)
write and what the other producers do not: runs split mid-word with revision ids,
proofing marks and bookmarks between runs, tracked insertions, deletions and moves, a
deleted paragraph mark, comments, hidden text, content-control placeholders, endnotes,
complex and simple fields (DATE, MERGEFIELD, HYPERLINK, PAGE), numbered headings
through numbering linked to a heading style, localised style ids (French "Titre2",
Russian "1"), a letterhead with a logo in a first-page header, an inline image with its
description, a text box, a data table, Google Docs' direct formatting, the ISO strict
namespaces, and a macro-enabled .docm."""

import os
import struct
import zipfile
import zlib
from xml.sax.saxutils import escape

import expect
from letters import H, OL, P, Q, T, UL, by_id, inline, note_order, plain

WORD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "word")

TRANSITIONAL = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
STRICT = {
    "w": "http://purl.oclc.org/ooxml/wordprocessingml/main",
    "r": "http://purl.oclc.org/ooxml/officeDocument/relationships",
    "rel": "http://purl.oclc.org/ooxml/officeDocument/relationships",
}
DRAWING_NS = ('xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
              'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
              'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
              'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
              'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
              'xmlns:v="urn:schemas-microsoft-com:vml" '
              'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14"')


def png(width, height, rgb):
    """A small solid-colour PNG (the logo and chart stand-ins)."""
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


class Package:
    """The parts of one Word package and their relationships."""

    def __init__(self, ns=TRANSITIONAL, main_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"):
        self.ns = ns
        self.parts = {}
        self.rels = {}       # part -> [(id, type, target, external)]
        self.overrides = {"/word/document.xml": main_type}
        self.extra_defaults = {}

    def rel(self, source, kind, target, external=False):
        rels = self.rels.setdefault(source, [])
        rid = f"rId{len(rels) + 1}"
        rels.append((rid, kind, target, external))
        return rid

    def rel_type(self, kind):
        base = self.ns["rel"]
        return f"{base}/{kind}"

    def save(self, path, core_title, lang):
        self.parts["docProps/core.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<dc:title>{escape(core_title)}</dc:title><dc:creator>missive tests</dc:creator>"
            f"<dc:language>{lang}</dc:language></cp:coreProperties>")
        self.overrides["/docProps/core.xml"] = "application/vnd.openxmlformats-package.core-properties+xml"
        root_rels = [("rId1", self.rel_type("officeDocument"), "word/document.xml", False),
                     ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                      "docProps/core.xml", False)]
        defaults = {"rels": "application/vnd.openxmlformats-package.relationships+xml",
                    "xml": "application/xml", "png": "image/png"}
        defaults.update(self.extra_defaults)
        types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 + "".join(f'<Default Extension="{e}" ContentType="{t}"/>' for e, t in defaults.items())
                 + "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in self.overrides.items())
                 + "</Types>")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", types)
            z.writestr("_rels/.rels", rels_xml(root_rels))
            for name, data in self.parts.items():
                z.writestr(name, data)
            for source, rels in self.rels.items():
                folder, file = source.rsplit("/", 1)
                z.writestr(f"{folder}/_rels/{file}.rels", rels_xml(
                    [(i, self.rel_type(k) if "/" not in k else k, t, e) for i, k, t, e in rels]))


def rels_xml(rels):
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">']
    for rid, kind, target, external in rels:
        mode = ' TargetMode="External"' if external else ""
        out.append(f'<Relationship Id="{rid}" Type="{kind}" Target="{escape(target)}"{mode}/>')
    return "".join(out) + "</Relationships>"


def styles_xml(ns, styles, defaults_rpr='<w:sz w:val="22"/>'):
    """styles: (type, id, name, extra xml) tuples."""
    default = ' w:default="1"'
    body = "".join(
        f'<w:style w:type="{t}" w:styleId="{i}"{default if d else ""}>'
        f'<w:name w:val="{escape(n)}"/>{x}</w:style>'
        for t, i, n, x, d in styles)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{ns["w"]}">'
            f"<w:docDefaults><w:rPrDefault><w:rPr>{defaults_rpr}</w:rPr></w:rPrDefault></w:docDefaults>"
            f"{body}</w:styles>")


def style(t, i, n, x="", default=False):
    return (t, i, n, x, default)


class Body:
    """Writes a letter's paragraphs as WordprocessingML, with options for Word's quirks."""

    def __init__(self, letter, package, split_runs=False, direct=None, heading_style="Heading2",
                 note_kind="footnote", bullets_num="1", numbers_num="2", quote_style="Quote",
                 rtl=False):
        self.letter = letter
        self.package = package
        self.split_runs = split_runs
        self.direct = direct          # Google Docs: run properties written on every run
        self.heading_style = heading_style
        self.note_kind = note_kind
        self.bullets_num = bullets_num
        self.numbers_num = numbers_num
        self.quote_style = quote_style
        self.rtl = rtl
        self.order = note_order(letter)
        self.notes = []               # (id, xml of the note's paragraph content)
        self.rsid = 0x00A1B2C3

    def rpr(self, fmt, extra=""):
        props = ("<w:b/>" if "b" in fmt else "") + ("<w:i/>" if "i" in fmt else "")
        if self.direct:
            props = self.direct + props
        if self.rtl:
            props += "<w:rtl/>"
        props += extra
        return f"<w:rPr>{props}</w:rPr>" if props else ""

    def text_runs(self, text, fmt):
        """One run, or (split_runs) a run per piece of each word, with proofing marks and
        bookmarks between them, as Word leaves a text that was edited many times."""
        if not self.split_runs:
            return f'<w:r>{self.rpr(fmt)}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
        out = []
        words = text.split(" ")
        for k, word in enumerate(words):
            piece = word + (" " if k + 1 < len(words) else "")
            if len(word) > 5:
                cut = len(word) // 2
                parts = [piece[:cut], piece[cut:]]
            else:
                parts = [piece]
            for j, part in enumerate(parts):
                self.rsid += 1
                if k % 7 == 3 and j == 0:
                    out.append('<w:proofErr w:type="spellStart"/>')
                out.append(f'<w:r w:rsidR="{self.rsid:08X}">{self.rpr(fmt)}'
                           f'<w:t xml:space="preserve">{escape(part)}</w:t></w:r>')
                if k % 7 == 3 and j == len(parts) - 1:
                    out.append('<w:proofErr w:type="spellEnd"/>')
                if k % 11 == 5:
                    out.append(f'<w:bookmarkStart w:id="{k}" w:name="_Hlk{k:04d}"/><w:bookmarkEnd w:id="{k}"/>')
        return "".join(out)

    def runs(self, text, fmt=frozenset()):
        out = []
        for piece in inline(text):
            if piece[0] == "text":
                out.append(self.text_runs(piece[1], piece[2] | fmt))
            elif piece[0] == "link":
                rid = self.package.rel("word/document.xml", "hyperlink", piece[1], external=True)
                inner = "".join(self.text_runs(p[1], p[2]) for p in piece[2] if p[0] == "text")
                out.append(f'<w:hyperlink r:id="{rid}" w:history="1">{inner}</w:hyperlink>')
            else:
                out.append(self.reference(piece[1]))
        return "".join(out)

    def reference(self, number):
        note_id = str(self.order.index(number) + 1)
        if note_id not in [n[0] for n in self.notes]:
            self.notes.append((note_id, self.note_paragraph(number)))
        tag = "footnoteReference" if self.note_kind == "footnote" else "endnoteReference"
        style = "FootnoteReference" if self.note_kind == "footnote" else "EndnoteReference"
        if self.direct:
            props = f'<w:rPr>{self.direct}<w:vertAlign w:val="superscript"/></w:rPr>'
        else:
            props = f'<w:rPr><w:rStyle w:val="{style}"/></w:rPr>'
        return f'<w:r>{props}<w:{tag} w:id="{note_id}"/></w:r>'

    def note_paragraph(self, number):
        ref = "footnoteRef" if self.note_kind == "footnote" else "endnoteRef"
        saved, self.split_runs = self.split_runs, False
        content = self.runs(self.letter.notes[number])
        self.split_runs = saved
        return (f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{ref}/></w:r>'
                f'<w:r><w:t xml:space="preserve"> </w:t></w:r>{content}')

    def p(self, content, style=None, ppr=""):
        props = (f'<w:pStyle w:val="{style}"/>' if style else "") + ("<w:bidi/>" if self.rtl else "") + ppr
        props = f"<w:pPr>{props}</w:pPr>" if props else ""
        return f"<w:p>{props}{content}</w:p>"

    def lines(self, lines, fmt=frozenset()):
        content = '<w:r><w:br/></w:r>'.join(self.text_runs(line, fmt) for line in lines)
        return self.p(content)

    def block(self, block):
        if isinstance(block, P):
            return self.p(self.runs(block.text))
        if isinstance(block, H):
            if self.direct:
                return self.p(self.runs(block.text, frozenset("b")).replace(
                    '<w:sz w:val="22"/>', '<w:sz w:val="32"/>'))
            return self.p(self.runs(block.text), self.heading_style)
        if isinstance(block, Q):
            return self.p(self.runs(block.text), self.quote_style)
        if isinstance(block, (UL, OL)):
            num = self.numbers_num if isinstance(block, OL) else self.bullets_num
            out = []
            for item in block.items:
                text, sub = (item if isinstance(item, tuple) else (item, []))
                out.append(self.item(text, num, 0))
                out.extend(self.item(s, num, 1) for s in sub)
            return "".join(out)
        if isinstance(block, T):
            return table(self, block.rows)
        raise TypeError(block)

    def item(self, text, num, level):
        return self.p(self.runs(text), "ListParagraph",
                      f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>')

    def notes_part(self):
        tag = self.note_kind
        ns = self.package.ns
        separators = (f'<w:{tag} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{tag}>'
                      f'<w:{tag} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:{tag}>')
        style = "FootnoteText" if tag == "footnote" else "EndnoteText"
        bidi = "<w:bidi/>" if self.rtl else ""
        body = "".join(f'<w:{tag} w:id="{i}"><w:p><w:pPr><w:pStyle w:val="{style}"/>{bidi}</w:pPr>{xml}</w:p></w:{tag}>'
                       for i, xml in self.notes)
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<w:{tag}s xmlns:w="{ns["w"]}" xmlns:r="{ns["r"]}">{separators}{body}</w:{tag}s>')


def table(body, rows):
    cells = "".join(
        "<w:tr>" + ('<w:trPr><w:tblHeader/></w:trPr>' if r == 0 else "")
        + "".join(f'<w:tc><w:tcPr><w:tcW w:w="3000" w:type="dxa"/></w:tcPr>{body.p(body.runs(c))}</w:tc>' for c in row)
        + "</w:tr>" for r, row in enumerate(rows))
    return f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>{cells}</w:tbl>'


def document_xml(ns, paragraphs, sect=""):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:document xmlns:w="{ns["w"]}" xmlns:r="{ns["r"]}" {DRAWING_NS}><w:body>'
            + "".join(paragraphs)
            + f'<w:sectPr>{sect}<w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')


def numbering_xml(ns, with_heading=False):
    bullet = ('<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>'
              '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/>'
              '<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr></w:lvl>'
              '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl>'
              '</w:abstractNum>')
    number = ('<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
              '<w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
              '<w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>')
    heading = ('<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
               '<w:pStyle w:val="Heading2"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>') if with_heading else ""
    nums = ('<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
            '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>')
    if with_heading:
        nums += '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>'
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{ns["w"]}">'
            f"{bullet}{number}{heading}{nums}</w:numbering>")


def base_styles(heading_id="Heading2", heading_name="heading 2", normal_id="Normal", extra=(), heading_ppr=""):
    return [
        style("paragraph", normal_id, "Normal", "", True),
        style("paragraph", heading_id, heading_name,
              f'<w:basedOn w:val="{normal_id}"/><w:pPr><w:keepNext/><w:outlineLvl w:val="1"/>{heading_ppr}</w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr>'),
        style("paragraph", "Title", "Title", f'<w:basedOn w:val="{normal_id}"/><w:rPr><w:sz w:val="48"/></w:rPr>'),
        style("paragraph", "Quote", "Quote", f'<w:basedOn w:val="{normal_id}"/><w:rPr><w:i/></w:rPr>'),
        style("paragraph", "ListParagraph", "List Paragraph", f'<w:basedOn w:val="{normal_id}"/><w:pPr><w:ind w:left="720"/></w:pPr>'),
        style("paragraph", "FootnoteText", "footnote text", f'<w:basedOn w:val="{normal_id}"/><w:rPr><w:sz w:val="20"/></w:rPr>'),
        style("paragraph", "EndnoteText", "endnote text", f'<w:basedOn w:val="{normal_id}"/>'),
        style("character", "FootnoteReference", "footnote reference", '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'),
        style("character", "EndnoteReference", "endnote reference", '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'),
        style("character", "Hyperlink", "Hyperlink", '<w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr>'),
        style("table", "TableGrid", "Table Grid", ""),
        *extra,
    ]


def head(body, letter, reference_box=False, date_field=None, salutation_field=None):
    """The letter's head: date, reference, addressees, subject, salutation."""
    out = []
    date = body.text_runs(letter.date_line(), frozenset())
    if date_field:
        date = (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {date_field} </w:instrText></w:r>'
                f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{date}<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    if reference_box:
        date += text_box(body, f"Our ref: {letter.reference}")
    out.append(body.p(date, ppr='<w:jc w:val="right"/>'))
    if letter.reference and not reference_box:
        out.append(body.p(body.text_runs(f"Our ref: {letter.reference}", frozenset())))
    for block in letter.to:
        out.append(body.lines(block))
    if letter.subject:
        label = {"en": "Re:", "fr": "Objet :", "es": "Asunto:"}.get(letter.lang, "")
        out.append(body.p(body.text_runs(f"{label} {letter.subject}".strip(), frozenset("b"))))
    salutation = body.text_runs(letter.salutation, frozenset())
    if salutation_field:
        salutation = f'<w:fldSimple w:instr=" {salutation_field} ">{salutation}</w:fldSimple>'
    out.append(body.p(salutation))
    return out


def sign_off(body, letter):
    out = [body.p(body.text_runs(letter.closing, frozenset()))]
    for person in letter.signatories:
        out.append(body.lines([x for x in (person.name, person.title, person.organization) if x]))
    if letter.cc:
        out.append(body.p(body.text_runs("cc: " + "; ".join(letter.cc), frozenset())))
    if letter.enclosures:
        out.append(body.p(body.text_runs("Enclosures: " + "; ".join(letter.enclosures), frozenset())))
    if letter.postscript:
        out.append(body.p(body.text_runs("P.S. " + letter.postscript, frozenset())))
    return out


def text_box(body, text):
    """A text box anchored in the paragraph: DrawingML with a VML fallback, as Word 2010+
    writes it."""
    para = f'<w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p>'
    return ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" '
            'simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
            '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="page"><wp:posOffset>4500000</wp:posOffset></wp:positionH>'
            '<wp:positionV relativeFrom="page"><wp:posOffset>900000</wp:posOffset></wp:positionV><wp:extent cx="2000000" cy="300000"/>'
            '<wp:wrapNone/><wp:docPr id="10" name="Text Box 10"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            f'<wps:wsp><wps:txbx><w:txbxContent>{para}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>'
            '</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape style="position:absolute"><v:textbox>'
            f'<w:txbxContent>{para}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')


def image_run(rid, descr, name, cx=1800000, cy=600000, pic_id=1):
    return (f'<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
            f'<wp:docPr id="{pic_id}" name="{name}" descr="{escape(descr)}"/><a:graphic><a:graphicData '
            f'uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="{pic_id}" name="{name}"/>'
            f'<pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
            f'<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"/></pic:spPr>'
            '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>')


def header_part(ns, paragraphs, tag="hdr"):
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:{tag} xmlns:w="{ns["w"]}" '
            f'xmlns:r="{ns["r"]}" {DRAWING_NS}>' + "".join(paragraphs) + f"</w:{tag}>")


def field(instruction, result):
    return (f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>{result}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')


def finish(package, body, letter, paragraphs, name, styles, numbering=True, sect="", extra=None, heading_numbers=False):
    ns = package.ns
    package.parts["word/document.xml"] = document_xml(ns, paragraphs, sect)
    package.parts["word/styles.xml"] = styles_xml(ns, styles, body.direct or '<w:sz w:val="22"/>')
    package.rel("word/document.xml", "styles", "styles.xml")
    package.overrides["/word/styles.xml"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
    if numbering:
        package.parts["word/numbering.xml"] = numbering_xml(ns, heading_numbers)
        package.rel("word/document.xml", "numbering", "numbering.xml")
        package.overrides["/word/numbering.xml"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"
    if body.notes:
        part = f"word/{body.note_kind}s.xml"
        package.parts[part] = body.notes_part()
        package.rel("word/document.xml", f"{body.note_kind}s", f"{body.note_kind}s.xml")
        package.overrides["/" + part] = f"application/vnd.openxmlformats-officedocument.wordprocessingml.{body.note_kind}s+xml"
    path = os.path.join(WORD, name)
    package.save(path, letter.title, letter.lang)
    expect.write(path, letter, "tests/import/make/ooxml.py (hand-written WordprocessingML)", document=extra)


def plain_letter(letter, body, paragraphs_between=None):
    paragraphs = head(body, letter)
    for block in letter.body:
        paragraphs.append(body.block(block))
    paragraphs += sign_off(body, letter)
    return paragraphs


# --- The documents ----------------------------------------------------------------------

def quirks_supplier_fr():
    """Runs split mid-word, proofing marks and bookmarks between them, French Word's style
    ids ("Titre2" named "heading 2"), a soft hyphen and a non-breaking hyphen."""
    letter = by_id("supplier-fr")
    package = Package()
    body = Body(letter, package, split_runs=True, heading_style="Titre2")
    paragraphs = head(body, letter)
    for block in letter.body:
        paragraphs.append(body.block(block))
    # Word's own marks in the sign-off: a soft hyphen inside a word, a non-breaking hyphen
    # in "directeur-général"-style titles, an indent tab.
    closing = letter.closing.replace("distinguées", "distin|guées")
    head_run, tail_run = closing.split("|")
    paragraphs.append(body.p(f'<w:r><w:tab/><w:t xml:space="preserve">{escape(head_run)}</w:t><w:softHyphen/>'
                             f'<w:t>{escape(tail_run)}</w:t></w:r>'))
    person = letter.signatories[0]
    first, second = person.title.split(" ", 1)
    paragraphs.append(body.p(
        f'<w:bookmarkStart w:id="90" w:name="_GoBack"/><w:bookmarkEnd w:id="90"/>'
        f'<w:r><w:t>{escape(person.name)}</w:t></w:r><w:r><w:br/></w:r>'
        f'<w:r><w:lastRenderedPageBreak/><w:t xml:space="preserve">{escape(first)} </w:t></w:r>'
        f'<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="title"><w:r><w:t>{escape(second)}</w:t></w:r></w:smartTag>'
        f'<w:r><w:br/></w:r><w:r><w:t>{escape(person.organization)}</w:t></w:r>'))
    styles = base_styles(heading_id="Titre2", heading_name="heading 2")
    finish(package, body, letter, paragraphs, "word-quirks-supplier-fr.docx", styles,
           extra={"absent": ["\u00ad"]})


def tracked_commissioner_en():
    """A draft under review: tracked insertions and deletions, a deleted paragraph mark,
    a moved sentence, a comment, hidden text, an empty content control, and a footnote
    whose reference was deleted."""
    letter = by_id("commissioner-en")
    package = Package()
    body = Body(letter, package)
    ins = lambda text, author="Anna Berg": (f'<w:ins w:id="1" w:author="{author}" w:date="2023-02-08T10:00:00Z">'
                                            f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:ins>')
    dele = lambda text, author="Anna Berg": (f'<w:del w:id="2" w:author="{author}" w:date="2023-02-08T10:00:00Z">'
                                             f'<w:r><w:delText xml:space="preserve">{escape(text)}</w:delText></w:r></w:del>')
    paragraphs = head(body, letter)
    first, second, third = [b.text for b in letter.body]
    # 1: an insertion and a deletion inside the first paragraph, the comment around a word.
    a, rest = first.split("violent ", 1)
    paragraphs.append(body.p(
        body.runs(a) + dele("alleged ") + ins("violent ")
        + '<w:commentRangeStart w:id="0"/>' + body.runs(rest) + '<w:commentRangeEnd w:id="0"/>'
        + '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r>'
        + f'<w:r><w:rPr><w:vanish/></w:rPr><w:t>DRAFT – internal note, not for sending.</w:t></w:r>'))
    # 2: the paragraph was two, joined by deleting the first one's paragraph mark; a
    # sentence moved; a deleted reference to a footnote that is still in footnotes.xml.
    s1, s2 = second.split(" We urge you", 1)
    paragraphs.append(
        '<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="Anna Berg" w:date="2023-02-08T10:00:00Z"/></w:rPr></w:pPr>'
        + body.runs(s1 + " ") + "</w:p>")
    paragraphs.append(body.p(
        '<w:moveFrom w:id="4" w:author="Anna Berg" w:date="2023-02-08T10:00:00Z"><w:r><w:t xml:space="preserve">'
        'This should be a priority. </w:t></w:r></w:moveFrom>'
        + body.runs("We urge you" + s2)
        + '<w:del w:id="5" w:author="Anna Berg" w:date="2023-02-08T10:00:00Z"><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
          '<w:footnoteReference w:id="9"/></w:r></w:del>'))
    body.notes.append(("9", '<w:r><w:t>A source the reviewer removed.</w:t></w:r>'))
    paragraphs.append(body.p(
        '<w:sdt><w:sdtPr><w:showingPlcHdr/><w:text/></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>'
        '<w:t>Click or tap here to enter text.</w:t></w:r></w:sdtContent></w:sdt>'
        + body.runs(third)
        + '<w:moveTo w:id="6" w:author="Anna Berg" w:date="2023-02-08T10:00:00Z"><w:r><w:t xml:space="preserve">'
          ' This should be a priority.</w:t></w:r></w:moveTo>'))
    # A whole paragraph deleted.
    paragraphs.append('<w:p><w:pPr><w:rPr><w:del w:id="7" w:author="Karl Holm" w:date="2023-02-08T11:00:00Z"/></w:rPr></w:pPr>'
                      + dele("We also wish to remind you of our previous letters.", "Karl Holm") + "</w:p>")
    paragraphs += sign_off(body, letter)
    package.parts["word/comments.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="{package.ns["w"]}">'
        '<w:comment w:id="0" w:author="Karl Holm" w:date="2023-02-08T09:00:00Z" w:initials="KH"><w:p><w:r>'
        '<w:annotationRef/></w:r><w:r><w:t>Check the figures with the legal team.</w:t></w:r></w:p></w:comment></w:comments>')
    package.rel("word/document.xml", "comments", "comments.xml")
    package.overrides["/word/comments.xml"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
    letter_with_move = by_id("commissioner-en")
    finish(package, body, letter, paragraphs, "word-tracked-commissioner-en.docx", base_styles(),
           numbering=False,
           extra={"absent": ["alleged", "DRAFT", "Check the figures", "Click or tap",
                             "A source the reviewer removed", "previous letters"],
                  "dropped": ["tracked deletion by Anna Berg", "tracked deletion by Karl Holm",
                              "comment by Karl Holm", "hidden text", "placeholder text",
                              "footnote that no reference"],
                  "notices": ["tracked insertion by Anna Berg kept"],
                  "in_order": expect.head_lines(letter)
                  + [plain(first), plain(second), plain(third) + " This should be a priority."]
                  + expect.sign_off_lines(letter)})
    del letter_with_move


def fields_execution_en():
    """Endnotes instead of footnotes; the date as a DATE field and the salutation as a
    mail-merge field, both shown as their last result; headings numbered by numbering
    linked to the heading style; a footer with PAGE and NUMPAGES fields."""
    letter = by_id("execution-en")
    package = Package()
    body = Body(letter, package, note_kind="endnote")
    paragraphs = head(body, letter, date_field='DATE \\@ "MMMM d, yyyy"',
                      salutation_field='MERGEFIELD Salutation \\* MERGEFORMAT')
    for block in letter.body:
        paragraphs.append(body.block(block))
    paragraphs += sign_off(body, letter)
    footer = header_part(package.ns, [body.p('<w:r><w:t xml:space="preserve">Page </w:t></w:r>' + field("PAGE", "1")
                                             + '<w:r><w:t xml:space="preserve"> of </w:t></w:r>' + field("NUMPAGES", "2"))], "ftr")
    package.parts["word/footer1.xml"] = footer
    rid = package.rel("word/document.xml", "footer", "footer1.xml")
    package.overrides["/word/footer1.xml"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
    styles = base_styles(heading_ppr='<w:numPr><w:numId w:val="3"/></w:numPr>')
    finish(package, body, letter, paragraphs, "word-fields-execution-en.docx", styles, heading_numbers=True,
           sect=f'<w:footerReference w:type="default" r:id="{rid}"/>',
           extra={"notices": ["fields shown as the result Word last saved: DATE, MERGEFIELD"],
                  "footer": ["Page 1 of 2"]})


def letterhead_prisons_en():
    """A letterhead in a first-page header (logo, name, address) and contacts in the
    footer; the reference in a text box beside the date; a chart image with its
    description; a table of figures; the link as a HYPERLINK field; a link inside a
    footnote (resolved through the footnotes part's own relationships)."""
    letter = by_id("prisons-en")
    package = Package()
    body = Body(letter, package)
    paragraphs = head(body, letter, reference_box=True)
    chart = package.rel("word/document.xml", "image", "media/image2.png")
    package.parts["word/media/image2.png"] = png(40, 20, (30, 90, 160))
    for block in letter.body:
        xml = body.block(block)
        if isinstance(block, P) and "Judicial Inspectorate" in block.text:
            # The link as Word writes a pasted one: a complex HYPERLINK field.
            xml = xml.replace(
                xml[xml.index("<w:hyperlink"):xml.index("</w:hyperlink>") + len("</w:hyperlink>")],
                '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK '
                '"https://inspectorate.example.org/reports" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                '<w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>Judicial Inspectorate</w:t></w:r>'
                '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
        paragraphs.append(xml)
        if isinstance(block, H) and block.text.startswith("Overcrowding"):
            paragraphs.append(body.p(image_run(chart, "Chart: occupancy of the four remand facilities visited", "Chart 2", pic_id=2)))
            paragraphs.append(table(body, [["Facility", "Capacity", "Held"], ["East London", "96", "212"],
                                           ["Mthatha", "150", "301"]]))
    paragraphs += sign_off(body, letter)
    # The footnote's address as a link through footnotes.xml's relationships.
    note_xml = dict(body.notes)
    url = "https://coastalrights.example/reports/waiting"
    frid = package.rel("word/footnotes.xml", "hyperlink", url, external=True)
    for i, (nid, xml) in enumerate(body.notes):
        if url in xml:
            body.notes[i] = (nid, xml.replace(escape(url), f'</w:t></w:r><w:hyperlink r:id="{frid}"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>{escape(url)}</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve">'))
    del note_xml
    logo = package.rel("word/header1.xml", "image", "media/image1.png")
    package.parts["word/media/image1.png"] = png(30, 30, (200, 40, 40))
    head_lines = letter.letterhead
    header = header_part(package.ns, [
        body.p(image_run(logo, "Coastal Rights Watch logo", "Logo 1", 600000, 600000)),
        body.p(body.text_runs(head_lines[0], frozenset("b"))),
        body.p(body.text_runs(head_lines[1], frozenset())),
    ])
    footer = header_part(package.ns, [body.p(body.text_runs(f"{head_lines[2]} | {head_lines[3]}", frozenset()))], "ftr")
    package.parts["word/header1.xml"] = header
    package.parts["word/footer1.xml"] = footer
    hrid = package.rel("word/document.xml", "header", "header1.xml")
    frid2 = package.rel("word/document.xml", "footer", "footer1.xml")
    package.overrides["/word/header1.xml"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
    package.overrides["/word/footer1.xml"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
    finish(package, body, letter, paragraphs, "word-letterhead-prisons-en.docx", base_styles(),
           sect=f'<w:headerReference w:type="first" r:id="{hrid}"/><w:footerReference w:type="first" r:id="{frid2}"/><w:titlePg/>',
           extra={"tables": 1, "images": ["Chart: occupancy of the four remand facilities visited"],
                  "header": head_lines[:2], "footer": [f"{head_lines[2]} | {head_lines[3]}"],
                  "letterhead": {"organization": "Coastal Rights Watch", "address": [head_lines[1]],
                                 "contacts": head_lines[2:]}})


def google_docs_platform_en():
    """Google Docs' export: every run carries its fonts, size and colour; headings are
    larger bold Normal text, not heading styles; footnote references are raised by
    direct formatting; a bookmark Google names `_gjdgxs`; links coloured and underlined."""
    letter = by_id("platform-en")
    package = Package()
    direct = ('<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/>'
              '<w:color w:val="000000"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:rtl w:val="0"/>')
    body = Body(letter, package, direct=direct)
    paragraphs = ['<w:p><w:pPr><w:pStyle w:val="normal0"/></w:pPr><w:bookmarkStart w:colFirst="0" w:colLast="0" w:id="0" w:name="_gjdgxs"/>'
                  '<w:bookmarkEnd w:id="0"/></w:p>']
    paragraphs += head(body, letter)
    for block in letter.body:
        paragraphs.append(body.block(block))
    paragraphs += sign_off(body, letter)
    paragraphs = [p.replace("<w:pPr>", '<w:pPr><w:spacing w:after="0" w:line="276" w:lineRule="auto"/>', 1) for p in paragraphs]
    styles = base_styles(normal_id="normal0", extra=[style("paragraph", "Heading1", "heading 1",
                                                           '<w:basedOn w:val="normal0"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr>')])
    styles = [(t, i, ("normal" if i == "normal0" else n), x, d) for t, i, n, x, d in styles]
    finish(package, body, letter, paragraphs, "word-google-docs-platform-en.docx", styles,
           extra={"notices": ["read as headings from their larger type"]})


def russian_activists_ru():
    """Russian Word: style ids "a" (Normal) and "2" (Heading 2), Cyrillic text, a footnote."""
    letter = by_id("activists-ru")
    package = Package()
    body = Body(letter, package, heading_style="2")
    styles = base_styles(heading_id="2", heading_name="heading 2", normal_id="a")
    finish(package, body, letter, plain_letter(letter, body), "word-russian-activists-ru.docx", styles)


def strict_coalition_es():
    """ISO 29500 strict: the purl.oclc.org namespaces Word uses when saving "Strict Open
    XML Document"."""
    letter = by_id("coalition-es")
    package = Package(ns=STRICT)
    body = Body(letter, package)
    finish(package, body, letter, plain_letter(letter, body), "word-strict-coalition-es.docx", base_styles())


def macro_rapporteur_en():
    """A macro-enabled document (.docm) whose macro would run on opening: only its text
    is read."""
    letter = by_id("rapporteur-en")
    package = Package(main_type="application/vnd.ms-word.document.macroEnabled.main+xml")
    body = Body(letter, package)
    package.parts["word/vbaProject.bin"] = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 24
                                           + b'Attribute VB_Name = "ThisDocument"\r\nSub AutoOpen()\r\n'
                                             b'Shell "cmd /c echo never run"\r\nEnd Sub\r\n')
    package.rel("word/document.xml", "http://schemas.microsoft.com/office/2006/relationships/vbaProject", "vbaProject.bin")
    package.extra_defaults["bin"] = "application/vnd.ms-office.vbaProject"
    finish(package, body, letter, plain_letter(letter, body), "word-macro-rapporteur-en.docm", base_styles(),
           extra={"notices": ["macro-enabled (.docm): only its text was read"], "absent": ["AutoOpen", "never run"]})


def arabic_controls_ar():
    """Arabic from Word: right-to-left paragraphs and runs, the addressee block inside a
    block-level content control, a heading in Arabic Word's style name."""
    letter = by_id("journalists-ar")
    package = Package()
    body = Body(letter, package, rtl=True, heading_style="Heading2")
    paragraphs = plain_letter(letter, body)
    address = body.lines(letter.to[0])
    at = paragraphs.index(address)
    paragraphs[at] = (f'<w:sdt><w:sdtPr><w:alias w:val="المرسل إليه"/><w:tag w:val="addressee"/></w:sdtPr>'
                      f"<w:sdtContent>{address}</w:sdtContent></w:sdt>")
    styles = base_styles(heading_name="عنوان 2")
    finish(package, body, letter, paragraphs, "word-controls-journalists-ar.docx", styles)


def alt_chunk(letter_id, name, part, kind, content, maker):
    """A Word file whose whole text is one embedded part (w:altChunk) that Word merges on
    opening, as export-to-Word tools write it."""
    letter = by_id(letter_id)
    package = Package()
    rid = package.rel("word/document.xml", "aFChunk", part)
    package.parts["word/" + part] = content
    package.overrides["/word/" + part] = kind
    package.parts["word/document.xml"] = document_xml(package.ns, [f'<w:altChunk r:id="{rid}"/>'])
    path = os.path.join(WORD, name)
    package.save(path, letter.title, letter.lang)
    expect.write(path, letter, maker, document={"notices": ["(w:altChunk) was read as a web page"]})


def alt_chunks():
    import web
    fr = by_id("detention-fr")
    body = web.Body(fr, "fn-list")
    page = f"<html><head><meta charset=\"utf-8\"></head><body>{body.letter_html('Objet :', 'Notes')}</body></html>"
    alt_chunk("detention-fr", "altchunk-html-detention-fr.docx", "chunk1.html", "text/html", page.encode("utf-8"),
              "tests/import/make/ooxml.py (an export-to-Word tool's text/html altChunk)")
    zh = by_id("labour-zh")
    body = web.Body(zh, "bracket-link")
    page = f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>{body.letter_html()}</body></html>"
    mht = web.mhtml(page, "file:///C:/fake/afchunk.htm", "utf-8", False)
    alt_chunk("labour-zh", "altchunk-mht-labour-zh.docx", "afchunk.mht", "message/rfc822", mht.encode("ascii"),
              "tests/import/make/ooxml.py (html-docx-js's afchunk.mht)")


if __name__ == "__main__":
    alt_chunks()
    quirks_supplier_fr()
    tracked_commissioner_en()
    fields_execution_en()
    letterhead_prisons_en()
    google_docs_platform_en()
    russian_activists_ru()
    strict_coalition_es()
    macro_rapporteur_en()
    arabic_controls_ar()
