"""A long Word letter for bench/import.sh: the corpus's prisons letter with its body
repeated REPS times (default 30), each repetition's notes numbered on, written by the
corpus's own WordprocessingML writer (tests/import/make/ooxml.py, standard library only).

    python3 bench/gen_long_docx.py OUT.docx [REPS]
"""

import copy
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "import", "make"))

import ooxml  # noqa: E402
from letters import by_id  # noqa: E402


def long_letter(reps):
    base = by_id("prisons-en")
    letter = copy.deepcopy(base)
    letter.body, letter.notes = [], {}
    count = 0
    for rep in range(reps):
        for block in base.body:
            block = copy.deepcopy(block)

            def renumber(match):
                nonlocal count
                count += 1
                letter.notes[str(count)] = f"{base.notes[match.group(1)]} (cited {count})"
                return f"[^{count}]"

            if hasattr(block, "text"):
                block.text = re.sub(r"\[\^(\d+)\]", renumber, block.text)
            letter.body.append(block)
    return letter


def main():
    out = sys.argv[1]
    reps = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    letter = long_letter(reps)
    package = ooxml.Package()
    body = ooxml.Body(letter, package, split_runs=True)
    paragraphs = ooxml.plain_letter(letter, body)
    package.parts["word/document.xml"] = ooxml.document_xml(package.ns, paragraphs)
    package.parts["word/styles.xml"] = ooxml.styles_xml(package.ns, ooxml.base_styles())
    package.rel("word/document.xml", "styles", "styles.xml")
    package.parts["word/numbering.xml"] = ooxml.numbering_xml(package.ns)
    package.rel("word/document.xml", "numbering", "numbering.xml")
    package.parts["word/footnotes.xml"] = body.notes_part()
    package.rel("word/document.xml", "footnotes", "footnotes.xml")
    package.save(out, letter.title, letter.lang)


if __name__ == "__main__":
    main()
