"""Word files (and one web page) written by LibreOffice: a letter is laid out as a flat
OpenDocument text (.fodt: styles "Heading 2", "Quotations", list styles, footnotes or
endnotes, a letterhead in the page header and footer, right-to-left paragraphs for
Arabic), then LibreOffice converts it headless, as an archive's batch conversion would:
`soffice --headless --convert-to docx` (or `html`)."""

import os
import shutil
import subprocess
import tempfile
from xml.sax.saxutils import escape

import expect
from letters import H, OL, P, Q, T, UL, by_id, inline

HERE = os.path.dirname(os.path.abspath(__file__))
WORD = os.path.join(HERE, "..", "word")
WEB = os.path.join(HERE, "..", "web")

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:meta><dc:title>{title}</dc:title><dc:language>{lang}</dc:language></office:meta>
<office:styles>
 <style:default-style style:family="paragraph"><style:text-properties fo:language="{lang}" fo:font-size="11pt"/></style:default-style>
 <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
 <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard"/>
 <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard"/>
 <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2"><style:text-properties fo:font-size="14pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Quotations" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-left="1cm"/></style:style>
 <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard"/>
 <style:style style:name="Endnote" style:family="paragraph" style:parent-style-name="Standard"/>
 <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard"/>
 <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard"/>
 <text:list-style style:name="Bullets"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/><text:list-level-style-bullet text:level="2" text:bullet-char="◦"/></text:list-style>
 <text:list-style style:name="Numbers"><text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="."/><text:list-level-style-number text:level="2" style:num-format="a" style:num-suffix=")"/></text:list-style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="T2" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
 <style:style style:name="T3" style:family="text"><style:text-properties fo:font-weight="bold" fo:font-style="italic"/></style:style>
 <style:style style:name="RTL" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties style:writing-mode="rl-tb" fo:text-align="end"/></style:style>
 <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"/><style:header-style/><style:footer-style/></style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1">{header}{footer}</style:master-page>
</office:master-styles>
<office:body><office:text>
"""

TAIL = "</office:text></office:body></office:document>\n"


class Writer:
    def __init__(self, letter, note_class, rtl):
        self.letter = letter
        self.note_class = note_class
        self.rtl = rtl
        self.cited = []

    def para_style(self, default):
        return "RTL" if self.rtl else default

    def runs(self, text):
        return "".join(self.piece(p) for p in inline(text))

    def piece(self, piece):
        kind = piece[0]
        if kind == "text":
            style = {frozenset(): None, frozenset("b"): "T1", frozenset("i"): "T2"}.get(piece[2], "T3")
            body = escape(piece[1])
            return f'<text:span text:style-name="{style}">{body}</text:span>' if style else body
        if kind == "link":
            inner = "".join(self.piece(p) for p in piece[2])
            return f'<text:a xlink:type="simple" xlink:href="{escape(piece[1])}">{inner}</text:a>'
        number = piece[1]
        self.cited.append(number)
        style = "Footnote" if self.note_class == "footnote" else "Endnote"
        note = self.runs(self.letter.notes[number])
        return (f'<text:note text:id="n{number}" text:note-class="{self.note_class}">'
                f"<text:note-citation>{len(self.cited)}</text:note-citation><text:note-body>"
                f'<text:p text:style-name="{style}">{note}</text:p></text:note-body></text:note>')

    def p(self, text, style="Text_20_body"):
        return f'<text:p text:style-name="{self.para_style(style)}">{self.runs(text)}</text:p>\n'

    def lines(self, lines):
        inner = "<text:line-break/>".join(escape(line) for line in lines)
        return f'<text:p text:style-name="{self.para_style("Standard")}">{inner}</text:p>\n'

    def block(self, block):
        if isinstance(block, P):
            return self.p(block.text)
        if isinstance(block, H):
            return (f'<text:h text:style-name="Heading_20_2" text:outline-level="2">'
                    f"{self.runs(block.text)}</text:h>\n")
        if isinstance(block, Q):
            return self.p(block.text, "Quotations")
        if isinstance(block, (UL, OL)):
            return self.list(block.items, "Numbers" if isinstance(block, OL) else "Bullets")
        if isinstance(block, T):
            cols = len(block.rows[0])
            rows = "".join(
                "<table:table-row>" + "".join(
                    f'<table:table-cell office:value-type="string">{self.p(c)}</table:table-cell>'
                    for c in row) + "</table:table-row>" for row in block.rows)
            return (f'<table:table table:name="T"><table:table-column table:number-columns-repeated="{cols}"/>'
                    f"{rows}</table:table>\n")
        raise TypeError(block)

    def list(self, items, style):
        out = f'<text:list text:style-name="{style}">'
        for item in items:
            if isinstance(item, tuple):
                text, sub = item
                out += f"<text:list-item>{self.p(text)}{self.list(sub, style)}</text:list-item>"
            else:
                out += f"<text:list-item>{self.p(item)}</text:list-item>"
        return out + "</text:list>\n"


def document(letter, note_class, header_lines, footer_lines):
    rtl = letter.lang == "ar"
    w = Writer(letter, note_class, rtl)

    def region(tag, lines):
        if not lines:
            return ""
        paras = "".join(f'<text:p text:style-name="{tag.capitalize()}">{escape(line)}</text:p>' for line in lines)
        return f"<style:{tag}>{paras}</style:{tag}>"

    out = HEAD.format(title=escape(letter.title), lang=letter.lang,
                      header=region("header", header_lines), footer=region("footer", footer_lines))
    out += w.p(letter.date_line(), "Standard")
    for block in letter.to:
        out += w.lines(block)
    if letter.subject:
        label = {"en": "Re:", "fr": "Objet :", "es": "Asunto:"}.get(letter.lang, "")
        out += w.p("**" + f"{label} {letter.subject}".strip() + "**", "Standard")
    out += w.p(letter.salutation, "Standard")
    for block in letter.body:
        out += w.block(block)
    out += w.p(letter.closing, "Standard")
    for person in letter.signatories:
        out += w.lines([x for x in (person.name, person.title, person.organization) if x])
    if letter.cc:
        out += w.p("cc: " + "; ".join(letter.cc), "Standard")
    return out + TAIL


def convert(letter, name, note_class, header=(), footer=(), to="docx", folder=WORD, extra=None):
    work = tempfile.mkdtemp()
    stem = os.path.splitext(name)[0]
    source = os.path.join(work, stem + ".fodt")
    with open(source, "w", encoding="utf-8") as out:
        out.write(document(letter, note_class, list(header), list(footer)))
    target = {"docx": "docx:MS Word 2007 XML", "html": "html:HTML (StarWriter)"}[to]
    subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{work}/profile",
                    "--convert-to", target, "--outdir", work, source],
                   check=True, capture_output=True)
    produced = os.path.join(work, stem + "." + to)
    shutil.move(produced, os.path.join(folder, name))
    shutil.rmtree(work)
    version = subprocess.run(["soffice", "--version"], capture_output=True, text=True).stdout.split("\n")[0].strip()
    expect.write(os.path.join(folder, name), letter, f"{version}, --convert-to {to}", document=extra)


if __name__ == "__main__":
    fr = by_id("detention-fr")
    convert(fr, "libreoffice-detention-fr.docx", "footnote",
            header=fr.letterhead[:2], footer=fr.letterhead[2:],
            extra={"header": fr.letterhead[:2], "footer": fr.letterhead[2:],
                   "letterhead": {"organization": "Réseau Droits et Exil",
                                  "address": ["5 rue des Lilas, 75011 Paris"],
                                  "contacts": ["contact@droitsexil.example"]}})
    convert(by_id("execution-en"), "libreoffice-execution-en.docx", "endnote")
    ar = by_id("journalists-ar")
    convert(ar, "libreoffice-journalists-ar.docx", "footnote", header=ar.letterhead,
            extra={"header": ar.letterhead})
    convert(by_id("execution-en"), "libreoffice-execution-en.html", "endnote", to="html", folder=WEB)
