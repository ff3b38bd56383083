#!/usr/bin/env python3
"""Generates the batch benchmark's archive: N distinct letters, written twice with the same
content. Two shapes (--shape):

  short  the original set (kept for comparability): 1-3 signatories, 0-15 endnotes,
         1-3 pages (average 2.0)
  real   letters as long as real ones (issue 16): 1-4 pages averaging at least 2.5,
         5-30 endnotes, headings, lists, block quotations, two or three signatories, a
         quarter of them with a list of 6-40 co-signing organisations

Written as:

  OUT/archive/missive.toml, OUT/archive/YEAR/letter-NNNN.md   missive sources
  OUT/community/letters/letter-NNNN.typ                       main files for the community
                                                              template (OUT/community/template/letter.typ,
                                                              copied in by bench/batch.sh)

Deterministic for a given --seed. Text is random sentences over a fixed vocabulary, so no
two letters share a paragraph (nothing memoized for one letter's text serves another's).
"""

import argparse
import os
import random

WORDS = """
access accountability administration adopt advocacy affected agency agreement allegations
allow appeal applied approach arbitrary arrest assembly association assurance asylum attention
authorities available basic behalf belief board border budget campaign capacity cases central
certain challenge charges children citizens civil clear coalition commission commitment committee
communities compliance concern concerned conditions conduct confirm consider constitution consultation
continue control council counsel country court credible crisis criminal critical current custody
damage decision declaration defenders delegation democratic denied deportation detained detention
development dialogue dignity direct director discrimination displaced documented domestic due
duty economic education effective elections emergency encourage ensure environment equal essential
establish evidence examine executive expression facilities fair families federal findings force
freedom full fundamental funding future general government groups guarantee guidance harm health
hearing human humanitarian immediate impact implement important improve independent individuals
information inquiry institutions integrity international investigation journalists judicial justice
labor land law lawyers leaders legal legislation liberty local majority measures media members
migrants minister minority monitoring national necessary obligations officials ongoing open
operations opportunity organizations oversight participation parties peaceful people period
persons place police policy political population possible practice prevent principles priority
prison procedures process proposed protect protection protest provide provisions public question
reform regional release remain remedy report representatives request require resolution resources
respect response responsibility restrictions review rights risk role rule safety scrutiny security
services situation social society special standards state statement steps strong support system
testimony threat torture training transparency treatment trial united urge urgent victims violations
violence vulnerable welfare witness women workers writing years youth
""".split()

FIRST = "Ana Lena Omar Mei Tomas Aisha Jonas Priya Samuel Ines Kofi Hana Diego Sara Ivan Nadia".split()
LAST = "Ruiz Ortiz Haddad Chen Novak Bello Lindqvist Rao Mensah Duarte Okafor Tanaka Costa Varga Adeyemi Park".split()
TITLES = ["Executive Director", "Director, Africa Division", "Senior Researcher", "Legal Advisor",
          "Deputy Director, Advocacy", "Program Director", "Counsel", "Head of Policy"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

# Body words per page count: tuned so that the letters spread over 1, 2 and 3 pages with
# the built-in template and the community template alike (the script prints the spread).
WORDS_FOR_PAGES = {1: (50, 130), 2: (380, 540), 3: (780, 920)}
# Endnotes per page count (a one-page letter with 15 notes would not fit on one page).
NOTES_FOR_PAGES = {1: (0, 5), 2: (0, 15), 3: (0, 15)}


def sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 22))]
    words[0] = words[0].capitalize()
    if len(words) > 10 and rng.random() < 0.5:
        words[rng.randint(3, len(words) - 4)] += ","
    return " ".join(words) + "."


def paragraphs(rng, words):
    out, count = [], 0
    while count < words:
        para = " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))
        out.append(para)
        count += len(para.split())
    return out


def person(rng):
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def letter(n, rng):
    pages = rng.choice([1, 2, 3])
    paras = paragraphs(rng, rng.randint(*WORDS_FOR_PAGES[pages]))
    notes = [f"{sentence(rng)[:-1]}, report no. {rng.randint(10, 999)}, {rng.randint(2010, 2025)}."
             for _ in range(rng.randint(*NOTES_FOR_PAGES[pages]))]
    # Attach each note to a paragraph, in order.
    where = sorted(rng.randrange(len(paras)) for _ in notes)
    headings = []
    if pages > 1:
        headings = sorted(rng.sample(range(1, len(paras)), k=min(len(paras) - 1, pages - 1)))
    year = 2015 + n % 10
    return {
        "n": n,
        "year": year,
        "month": 1 + n % 12,
        "day": 1 + n % 28,
        "subject": " ".join(rng.choice(WORDS) for _ in range(4)).capitalize(),
        "addressee": person(rng),
        "office": f"Ministry of {rng.choice(WORDS).capitalize()}",
        "signatories": [(person(rng), rng.choice(TITLES)) for _ in range(rng.randint(1, 3))],
        "paras": paras,
        "notes": notes,
        "where": where,
        "headings": set(headings),
        "heading_text": {h: " ".join(rng.choice(WORDS) for _ in range(3)).capitalize() for h in headings},
    }


# Real-length letters (--shape real). Pages wanted, with weights giving an average of 2.6.
# What fills a page was measured on 160 letters of every length with both templates (a
# least-squares fit of their page counts; the two templates agree within 2 %): about 490
# words of body a page, an endnote taking the room of 12 words and a co-signer that of 11.
# REAL_ROOM is the room, in words, each page count gets (the middle of its range, so that
# both templates land on the same count), REAL_NOTES the endnotes and REAL_COSIGNERS the
# co-signers (a quarter of the letters of two pages or more) it carries.
REAL_PAGES = [1] * 15 + [2] * 30 + [3] * 35 + [4] * 20
REAL_ROOM = {1: (110, 190), 2: (340, 600), 3: (830, 1080), 4: (1290, 1480)}
REAL_NOTES = {1: (5, 6), 2: (5, 14), 3: (10, 24), 4: (15, 30)}
REAL_COSIGNERS = {1: (0, 0), 2: (6, 12), 3: (6, 25), 4: (6, 40)}
NOTE_ROOM, COSIGNER_ROOM = 12.4, 10.7
ORGS = """Rights Forum|Legal Aid Network|Press Freedom Centre|Migrant Support Alliance|Women's
Law Initiative|Prison Reform Trust|Open Society Coalition|Defenders' Watch|Justice Project|
Civic Space Monitor|Children's Rights Bureau|Land Rights Collective|Media Defence Fund|
Refugee Council|Freedom House Group|Human Dignity Trust|Lawyers for Liberty|Public Interest
Law Centre|Transparency Network|Association for Civil Rights""".replace("\n", " ").split("|")
PLACES = "Nairobi Lima Manila Tunis Warsaw Dhaka Bogota Accra Kyiv Jakarta Quito Beirut".split()


def real_blocks(rng, words):
    """Paragraphs of about `words` words in all, some of them (never the first) turned
    into a block quotation or followed by a list of 3-5 items (bulleted or numbered):
    returns the paragraphs and {index: (kind, numbered, items)}."""
    paras, kinds, count = [], {}, 0
    while count < words:
        para = " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))
        r = rng.random()
        if paras and r < 0.12:
            items = [sentence(rng) for _ in range(rng.randint(3, 5))]
            kinds[len(paras)] = ("list", rng.random() < 0.5, items)
            count += sum(len(item.split()) for item in items)
        elif paras and r < 0.22:
            kinds[len(paras)] = ("quote", None, None)
        paras.append(para)
        count += len(para.split())
    return paras, kinds


def real_letter(n, rng):
    pages = rng.choice(REAL_PAGES)
    notes = [f"{sentence(rng)[:-1]}, report no. {rng.randint(10, 999)}, {rng.randint(2010, 2025)}."
             for _ in range(rng.randint(*REAL_NOTES[pages]))]
    cosigners = []
    if pages > 1 and rng.random() < 0.25:
        cosigners = [(f"{rng.choice(ORGS)} {rng.choice(PLACES)}", rng.choice(PLACES))
                     for _ in range(rng.randint(*REAL_COSIGNERS[pages]))]
    room = rng.randint(*REAL_ROOM[pages]) - NOTE_ROOM * len(notes) - COSIGNER_ROOM * len(cosigners)
    paras, kinds = real_blocks(rng, max(60, room))
    where = sorted(rng.randrange(len(paras)) for _ in notes)
    k = min(len(paras) - 1, pages)
    headings = sorted(rng.sample(range(1, len(paras)), k=k)) if k > 0 else []
    year = 2015 + n % 10
    return {
        "n": n, "year": year, "month": 1 + n % 12, "day": 1 + n % 28,
        "subject": " ".join(rng.choice(WORDS) for _ in range(4)).capitalize(),
        "addressee": person(rng),
        "office": f"Ministry of {rng.choice(WORDS).capitalize()}",
        "signatories": [(person(rng), rng.choice(TITLES)) for _ in range(rng.randint(2, 3))],
        "paras": paras, "notes": notes, "where": where,
        "headings": set(headings),
        "heading_text": {h: " ".join(rng.choice(WORDS) for _ in range(3)).capitalize() for h in headings},
        "kinds": kinds, "cosigners": cosigners,
    }


def missive_block(L, i, para, marks):
    """The Markdown of paragraph i: a paragraph, a list (after its lead-in) or a quotation."""
    kind, numbered, items = L.get("kinds", {}).get(i, (None, None, None))
    if kind == "quote":
        return [f"> {para}{marks}", ""]
    if kind == "list":
        lead = [para + marks, ""]
        return lead + [f"{k}. {t}" if numbered else f"- {t}" for k, t in enumerate(items, 1)] + [""]
    return [para + marks, ""]


def community_block(L, i, para, marks):
    """The same block in Typst markup, for the community template."""
    kind, numbered, items = L.get("kinds", {}).get(i, (None, None, None))
    if kind == "quote":
        return [f"#quote(block: true)[{para}{marks}]", ""]
    if kind == "list":
        lead = [para + marks, ""]
        return lead + [f"+ {t}" if numbered else f"- {t}" for t in items] + [""]
    return [para + marks, ""]


def missive_source(L):
    lines = ["+++", f"date = {L['year']}-{L['month']:02d}-{L['day']:02d}", 'place = "Geneva"',
             f'subject = "{L["subject"]}"', f'salutation = "Dear {L["addressee"]},"', 'closing = "Sincerely,"', "",
             "[[to]]", f'name = "{L["addressee"]}"', f'address = ["{L["office"]}", "Capital City"]', ""]
    for name, title in L["signatories"]:
        lines += ["[[signatories]]", f'name = "{name}"', f'title = "{title}"', ""]
    for name, detail in L.get("cosigners", []):
        lines += ["[[cosigners]]", f'name = "{name}"', f'detail = "{detail}"', ""]
    lines += ["+++", ""]
    note = 0
    for i, para in enumerate(L["paras"]):
        if i in L["headings"]:
            lines += [f"## {L['heading_text'][i]}", ""]
        marks = ""
        while note < len(L["notes"]) and L["where"][note] == i:
            note += 1
            marks += f"[^{note}]"
        lines += missive_block(L, i, para, marks)
    for k, text in enumerate(L["notes"], 1):
        lines.append(f"[^{k}]: {text}")
    return "\n".join(lines) + "\n"


def community_main(L):
    sigs = "".join(f'(name: "{name}", title: "{title}", org: none),' for name, title in L["signatories"])
    out = [
        '#import "/template/letter.typ": letter, endnote',
        "#show: letter.with(",
        '  org: (name: "Rights Watch International", unit: none, address: ("1 Rue de la Paix", "Geneva"), contact: none),',
        f"  date: datetime(year: {L['year']}, month: {L['month']}, day: {L['day']}),",
        f'  addressee: ("{L["addressee"]}", "{L["office"]}", "Capital City"),',
        f"  salutation: [Dear {L['addressee']},], closing: [Sincerely,],",
        f"  signatories: ({sigs}),",
        ")",
        "",
    ]
    note = 0
    for i, para in enumerate(L["paras"]):
        if i in L["headings"]:
            out += [f"= {L['heading_text'][i]}", ""]
        marks = ""
        while note < len(L["notes"]) and L["where"][note] == i:
            marks += f"#endnote[{L['notes'][note]}]"
            note += 1
        out += community_block(L, i, para, marks)
    if L.get("cosigners"):
        # The community template has no co-signers; the same names, in a grid of two
        # columns like the built-in template's, end the body.
        names = ", ".join(f"[*{name}* \\ {detail}]" for name, detail in L["cosigners"])
        out += [f"#block(sticky: true)[*Co-signed by ({len(L['cosigners'])})*]",
                f"#text(size: 9pt, grid(columns: (1fr,) * 2, column-gutter: 1em, row-gutter: 0.6em, {names}))", ""]
    return "\n".join(out)


HOUSE = """[letterhead]
organization = "Rights Watch International"
address = ["1 Rue de la Paix", "Geneva"]
contacts = ["+41 22 000 00 00", "geneva@example.org"]
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--shape", choices=["short", "real"], default="short")
    args = parser.parse_args()
    archive = os.path.join(args.out, "archive")
    community = os.path.join(args.out, "community", "letters")
    os.makedirs(community, exist_ok=True)
    os.makedirs(os.path.join(args.out, "community", "template"), exist_ok=True)
    os.makedirs(archive, exist_ok=True)
    with open(os.path.join(archive, "missive.toml"), "w") as f:
        f.write(HOUSE)
    for n in range(args.count):
        make = real_letter if args.shape == "real" else letter
        L = make(n, random.Random(args.seed * 1_000_003 + n))
        folder = os.path.join(archive, str(L["year"]))
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"letter-{n:04d}.md"), "w") as f:
            f.write(missive_source(L))
        with open(os.path.join(community, f"letter-{n:04d}.typ"), "w") as f:
            f.write(community_main(L))


if __name__ == "__main__":
    main()
