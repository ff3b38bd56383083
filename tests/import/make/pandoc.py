"""Word files made by pandoc from Markdown: styles named as Word names them ("Heading 2",
"Block Text", "Compact"), lists in numbering.xml, footnotes in footnotes.xml, links by
relationship, address lines as soft line breaks."""

import os
import subprocess
import tempfile

import expect
import markdown
from letters import by_id

WORD = os.path.join(os.path.dirname(__file__), "..", "word")


def make(letter_id, name):
    letter = by_id(letter_id)
    path = os.path.join(WORD, name)
    with tempfile.NamedTemporaryFile("w", suffix=".md", encoding="utf-8", delete=False) as md:
        md.write(markdown.render(letter))
    subprocess.run(["pandoc", "-f", "markdown", "-t", "docx", "-o", path, md.name,
                    "--metadata", f"lang={letter.lang}"], check=True)
    os.unlink(md.name)
    version = subprocess.run(["pandoc", "--version"], capture_output=True, text=True).stdout.split("\n")[0]
    expect.write(path, letter, version)


if __name__ == "__main__":
    make("prisons-en", "pandoc-prisons-en.docx")
    make("desaparecidos-es", "pandoc-desaparecidos-es.docx")
    make("labour-zh", "pandoc-labour-zh.docx")
