"""Files that must be refused, each with a clear reason (tests/import/hostile/, checked by
tests/import_hostile.rs): damaged and truncated packages, files that only pretend to be
Word files, a password-protected file (encrypted by msoffcrypto-tool, as Word encrypts),
an old binary .doc (written by LibreOffice), decompression bombs, XML with entity
declarations, and nesting too deep. Inputs too large for the repository (a 50 MB page,
a page nested 100 000 deep) are made by the test itself."""

import io
import os
import shutil
import subprocess
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
HOSTILE = os.path.join(HERE, "..", "hostile")
GOOD = os.path.join(HERE, "..", "word", "pandoc-prisons-en.docx")

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def package(document_xml, name):
    """A good package whose word/document.xml is replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(GOOD) as good, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in good.infolist():
            data = document_xml if item.filename == "word/document.xml" else good.read(item.filename)
            z.writestr(item.filename, data)
    write(name, out.getvalue())


def write(name, data):
    with open(os.path.join(HOSTILE, name), "wb") as f:
        f.write(data)


def main():
    os.makedirs(HOSTILE, exist_ok=True)
    good = open(GOOD, "rb").read()
    write("truncated.docx", good[: len(good) // 2])
    damaged = bytearray(good)
    # Overwrite the middle of word/document.xml's compressed data: its CRC no longer holds.
    with zipfile.ZipFile(GOOD) as z:
        info = z.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for i in range(start + 40, start + 80):
        damaged[i] ^= 0x5A
    write("damaged.docx", bytes(damaged))
    write("pdf-named-docx.docx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n")
    write("empty.docx", b"")

    # A spreadsheet and an OpenDocument text named .docx.
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("xl/workbook.xml", "<workbook/>")
    write("spreadsheet-named-docx.docx", out.getvalue())
    work = tempfile.mkdtemp()
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{work}/profile", "--convert-to", "odt",
                    "--outdir", work, GOOD], check=True, capture_output=True)
    shutil.copy(os.path.join(work, "pandoc-prisons-en.odt"), os.path.join(HOSTILE, "odt-named-docx.docx"))
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{work}/profile", "--convert-to",
                    "doc:MS Word 97", "--outdir", work, GOOD], check=True, capture_output=True)
    shutil.copy(os.path.join(work, "pandoc-prisons-en.doc"), os.path.join(HOSTILE, "word97-named-docx.docx"))
    shutil.rmtree(work)

    subprocess.run(["msoffcrypto-tool", "-e", "-p", "letter-2022", GOOD, os.path.join(HOSTILE, "encrypted.docx")],
                   check=True)

    # Decompression bombs: one declares 100 MiB for word/document.xml, the other packs
    # 20 MiB of spaces (1000:1) under the part limit.
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", b"<" + b" " * (100 << 20) + b"/>")
    write("bomb-100mib.docx", out.getvalue())
    package(f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>'.encode()
            + b" " * (20 << 20), "bomb-ratio.docx")

    # Entity declarations: the billion laughs, and an external entity.
    laughs = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
              '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
              f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&d;</w:t></w:r></w:p></w:body></w:document>')
    package(laughs.encode(), "entities.docx")
    external = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
                f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&secret;</w:t></w:r></w:p></w:body></w:document>')
    package(external.encode(), "external-entity.docx")
    deep = (f'<w:document xmlns:w="{W}"><w:body>' + "<w:sdt><w:sdtContent>" * 800 + "<w:p/>"
            + "</w:sdtContent></w:sdt>" * 800 + "</w:body></w:document>")
    package(deep.encode(), "deep.docx")

    # Texts that are nothing but what a site or a mail program adds: no letter in them.
    write("only-site-lines.txt", "Skip to content\nHome > News > Letters\nShare: Facebook | X\n"
          "Posted on 3 May 2023 by Web Team\n5 min read\n".encode())
    write("only-mail-furniture.txt", "From: List <l@lists.example>\nSent: Monday\nTo: all@lists.example\n\n"
          "-----Original Message-----\n\n__________________\nl mailing list\n"
          "https://lists.example/mailman/listinfo/l\n".encode())


if __name__ == "__main__":
    main()
