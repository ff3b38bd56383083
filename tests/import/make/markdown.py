"""A letter as pandoc Markdown: head lines with hard line breaks, body blocks, sign-off,
and footnotes. pandoc turns it into a Word file (make/pandoc.py) or a web page's body
(make/web.py)."""

from letters import H, OL, P, Q, T, UL


def lines_block(lines):
    """Lines kept as lines (pandoc's backslash line breaks)."""
    return "\\\n".join(escape(line) for line in lines)


def escape(text):
    # A line must not start a list or heading by accident.
    if text[:1] in "#>-+*" or (text.split(".")[0].isdigit() and "." in text):
        return "\\" + text
    return text


def render(letter, head=True, signoff=True):
    out = []
    if head:
        out.append(escape(letter.date_line()))
        if letter.reference:
            out.append(f"Our ref: {letter.reference}")
        for block in letter.to:
            out.append(lines_block(block))
        if letter.subject:
            out.append(f"**Re: {letter.subject}**" if letter.lang == "en" else
                       f"**{subject_label(letter.lang)} {letter.subject}**")
        out.append(letter.salutation)
    for block in letter.body:
        out.append(render_block(block))
    if signoff:
        out.append(letter.closing)
        for person in letter.signatories:
            out.append(lines_block([x for x in (person.name, person.title, person.organization) if x]))
        if letter.cc:
            out.append(f"cc: {'; '.join(letter.cc)}")
        if letter.enclosures:
            out.append(f"Enclosures: {'; '.join(letter.enclosures)}")
        if letter.postscript:
            out.append(f"P.S. {letter.postscript}")
    for number, text in letter.notes.items():
        out.append(f"[^{number}]: {text}")
    return "\n\n".join(out) + "\n"


def subject_label(lang):
    return {"en": "Re:", "es": "Asunto:", "fr": "Objet :", "ar": "الموضوع:",
            "ru": "Тема:", "zh": "事由："}[lang]


def render_block(block):
    if isinstance(block, P):
        return block.text
    if isinstance(block, H):
        return "#" * block.level + " " + block.text
    if isinstance(block, Q):
        return "> " + block.text
    if isinstance(block, UL):
        return "\n".join(list_lines(block.items, "-"))
    if isinstance(block, OL):
        return "\n".join(list_lines(block.items, "1.", block.start))
    if isinstance(block, T):
        header, *rows = block.rows
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(row) + " |" for row in rows]
        return "\n".join(lines)
    raise TypeError(block)


def list_lines(items, marker, start=1):
    lines = []
    for i, item in enumerate(items):
        mark = f"{start + i}." if marker == "1." else marker
        if isinstance(item, tuple):
            text, sub = item
            lines.append(f"{mark} {text}")
            lines.extend(f"    - {s}" for s in sub)
        else:
            lines.append(f"{mark} {item}")
    return lines
