"""Word files written by python-docx (its default template: Word's built-in styles
"Title", "Heading 2", "List Bullet", "List Number" with numbering linked to the style,
"Quote"). python-docx has no footnotes, so these letters number their notes by hand, as
many writers do: raised digits and a list under "Notes", or bracketed numbers."""

import os

import docx
from docx.enum.text import WD_BREAK
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

import expect
from letters import H, OL, P, Q, T, UL, by_id, inline, note_order, plain

WORD = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "word")


def hyperlink(paragraph, url, text, bold=False, italic=False):
    rel = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    props.append(style)
    for flag, tag in ((bold, "w:b"), (italic, "w:i")):
        if flag:
            props.append(OxmlElement(tag))
    run.append(props)
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


class Writer:
    def __init__(self, letter, notes_style):
        self.letter = letter
        self.notes_style = notes_style  # "raised" or "bracketed"
        self.order = note_order(letter)
        self.doc = docx.Document()

    def runs(self, paragraph, text):
        for piece in inline(text):
            if piece[0] == "text":
                run = paragraph.add_run(piece[1])
                run.bold = "b" in piece[2] or None
                run.italic = "i" in piece[2] or None
            elif piece[0] == "link":
                label = "".join(p[1] for p in piece[2] if p[0] == "text")
                hyperlink(paragraph, piece[1], label)
            else:
                number = str(self.order.index(piece[1]) + 1)
                if self.notes_style == "raised":
                    paragraph.add_run(number).font.superscript = True
                else:
                    paragraph.add_run(f"[{number}]")

    def para(self, text, style=None):
        paragraph = self.doc.add_paragraph(style=style)
        self.runs(paragraph, text)
        return paragraph

    def lines(self, lines, bold_first=False):
        paragraph = self.doc.add_paragraph()
        for i, line in enumerate(lines):
            run = paragraph.add_run(line)
            if bold_first and i == 0:
                run.bold = True
            if i + 1 < len(lines):
                run.add_break(WD_BREAK.LINE)
        return paragraph

    def block(self, block):
        if isinstance(block, P):
            self.para(block.text)
        elif isinstance(block, H):
            self.para(block.text, f"Heading {block.level}")
        elif isinstance(block, Q):
            self.para(block.text, "Quote")
        elif isinstance(block, (UL, OL)):
            style = "List Number" if isinstance(block, OL) else "List Bullet"
            for item in block.items:
                if isinstance(item, tuple):
                    self.para(item[0], style)
                    for sub in item[1]:
                        self.para(sub, style + " 2")
                else:
                    self.para(item, style)
        elif isinstance(block, T):
            table = self.doc.add_table(rows=len(block.rows), cols=len(block.rows[0]))
            for r, row in enumerate(block.rows):
                for c, text in enumerate(row):
                    table.cell(r, c).text = plain(text)

    def notes(self, heading):
        if heading:
            self.para(heading, "Heading 2")
        for i, number in enumerate(self.order, 1):
            paragraph = self.doc.add_paragraph()
            if self.notes_style == "raised":
                paragraph.add_run(str(i)).font.superscript = True
                paragraph.add_run(" ")
            else:
                paragraph.add_run(f"[{i}] ")
            self.runs(paragraph, self.letter.notes[number])


def make(letter_id, name, notes_style, heading, letterhead=(), signature_table=False, title=False):
    letter = by_id(letter_id)
    w = Writer(letter, notes_style)
    doc = w.doc
    doc.core_properties.title = letter.title
    doc.core_properties.language = letter.lang
    section = doc.sections[0]
    if letterhead:
        section.header.paragraphs[0].text = letterhead[0]
        section.header.paragraphs[0].runs[0].bold = True
        for line in letterhead[1:]:
            section.header.add_paragraph(line)
    if title:
        w.para(letter.title, "Title")
    w.para(letter.date_line())
    if letter.reference:
        w.para(f"Our ref: {letter.reference}")
    for block in letter.to:
        w.lines(block)
    if letter.subject:
        w.para(f"**Re: {letter.subject}**")
    w.para(letter.salutation)
    for block in letter.body:
        w.block(block)
    w.para(letter.closing)
    people = letter.signatories
    if signature_table:
        table = doc.add_table(rows=1, cols=len(people))
        for cell, person in zip(table.rows[0].cells, people):
            cell.text = person.name
            for line in (person.title, person.organization):
                if line:
                    cell.add_paragraph(line)
    else:
        for person in people:
            w.lines([x for x in (person.name, person.title, person.organization) if x], bold_first=True)
    if letter.cc:
        w.para("cc: " + "; ".join(letter.cc))
    if letter.enclosures:
        w.para("Enclosures: " + "; ".join(letter.enclosures))
    if letter.postscript:
        w.para("P.S. " + letter.postscript)
    w.notes(heading)
    path = os.path.join(WORD, name)
    doc.save(path)
    extra = {"notices": ["notes read from the list after the text"]}
    if heading:
        extra["dropped"] = [heading]
    if letterhead:
        extra["header"] = list(letterhead)
    if signature_table:
        extra["tables"] = 1
    if title:
        extra["headings"] = [letter.title] + [plain(b.text) for b in letter.body if isinstance(b, H)]
    expect.write(path, letter, f"python-docx {docx.__version__}", document=extra)


if __name__ == "__main__":
    make("platform-en", "python-docx-platform-en.docx", "raised", "Notes", signature_table=True)
    make("rapporteur-en", "python-docx-rapporteur-en.docx", "raised", "Endnotes",
         letterhead=["Assembly Monitor", "Rue de Lausanne 45, 1201 Geneva",
                     "Tel. +41 22 555 01 23 | office@assemblymonitor.example"])
    make("coalition-es", "python-docx-coalition-es.docx", "bracketed", None, title=True)
