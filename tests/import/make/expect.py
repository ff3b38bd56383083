"""Writes NAME.expect.toml beside a corpus document: what a correct import finds in it.

[document] is what the reader must put in the document model: headings, list items,
notes (in order of first reference), links, and every line of the letter in reading
order (`in_order`); plus what the page or file adds and the reader must leave out
(`absent`), what it must report (`dropped`, `notices`, `encoding`), and the page header
and footer of a Word file. [letter] is what the letter's parts must be once recognised.
"""

import json
import os

from letters import H, OL, P, Q, T, UL, block_texts, inline, note_order, plain


def toml_value(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        if not value:
            return "[]"
        inner = ",\n".join("  " + toml_value(v) for v in value)
        return "[\n" + inner + ",\n]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(value)


def links(letter):
    out = []

    def walk(pieces):
        for piece in pieces:
            if piece[0] == "link":
                out.append(piece[1])
                walk(piece[2])

    for block in letter.body:
        for text in block_texts(block):
            walk(inline(text))
    return out


def head_lines(letter):
    """The lines before the body, as the letter shows them."""
    lines = [letter.date_line()]
    if letter.reference:
        lines.append(letter.reference)
    for block in letter.to:
        lines.extend(block)
    if letter.subject:
        lines.append(letter.subject)
    lines.append(letter.salutation)
    return lines


def sign_off_lines(letter):
    lines = [letter.closing]
    for person in letter.signatories:
        lines.extend(x for x in (person.name, person.title, person.organization) if x)
    lines.extend(letter.cc)
    lines.extend(letter.enclosures)
    if letter.postscript:
        lines.append(letter.postscript)
    return lines


def body_lines(letter):
    out = []
    for block in letter.body:
        out.extend(plain(t) for t in block_texts(block))
    return out


def write(path, letter, maker, document=None, letter_parts=None, head_in_body=True):
    """Writes the expectation for the document at `path` (its name without .expect.toml).

    `document` adds or overrides keys of [document]; `letter_parts` of [letter].
    `head_in_body`: whether the date, addressees, salutation and sign-off stand in the
    body (False when a page shows only the letter's body).
    """
    order = note_order(letter)
    doc = {
        "headings": [plain(b.text) for b in letter.body if isinstance(b, H)],
        "list_items": [plain(t) for b in letter.body if isinstance(b, (UL, OL))
                       for t in block_texts(b)],
        "quotes": sum(1 for b in letter.body if isinstance(b, Q)),
        "tables": sum(1 for b in letter.body if isinstance(b, T)),
        "notes": [plain(letter.notes[n]) for n in order],
        "links": links(letter),
        "in_order": (head_lines(letter) if head_in_body else []) + body_lines(letter)
        + (sign_off_lines(letter) if head_in_body else []),
    }
    doc.update(document or {})
    parts = {
        "date": letter.iso,
        "place": letter.place,
        "reference": letter.reference,
        "subject": letter.subject,
        "salutation": letter.salutation,
        "closing": letter.closing,
        "to": [block[0] for block in letter.to],
        "signatories": [p.name for p in letter.signatories],
        "cc": letter.cc,
        "enclosures": letter.enclosures,
        "postscript": letter.postscript,
        "paragraphs": sum(1 for b in letter.body if isinstance(b, (P, Q))),
        "headings": [plain(b.text) for b in letter.body if isinstance(b, H)],
        "list_items": len(doc["list_items"]),
        "notes": len(order),
    }
    parts.update(letter_parts or {})
    name = os.path.basename(path)
    lines = [
        f"# What importing {name} must find. Written by tests/import/make/ with the",
        f"# document itself (letter \"{letter.id}\", made by {maker}); regenerate, do not edit.",
        "",
        "[document]",
    ]
    lines += [f"{k} = {toml_value(v)}" for k, v in doc.items()]
    lines += ["", "[letter]"]
    lines += [f"{k} = {toml_value(v)}" for k, v in parts.items()]
    with open(path + ".expect.toml", "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
