#!/usr/bin/env python3
"""Generates the copies benchmark's inputs (issue 13), both of the same shape: a letter of
about three pages with 20 endnotes.

  OUT/copies/missive.toml, letter.md, members.csv   one letter with a list of N rows
  OUT/distinct/missive.toml, letter-NNNN.md         N distinct letters: each its own text
                                                    (nothing memoized for one serves another)

The copies share their text except the addressee block, the salutation and one sentence
with the row's committee. Deterministic for a given --seed.
"""

import argparse
import os
import random

import gen_letters as g

HOUSE = """[letterhead]
organization = "Civic Rights Watchers"
address = ["Rue des Pâquis 14", "1201 Geneva"]
contacts = ["+41 22 555 01 00"]
"""


def letter(rng, front_extra, salutation, committee):
    body = g.paragraphs(rng, 850)
    notes = [f"[^{i}]: {g.sentence(rng)}" for i in range(1, 21)]
    # One marker per note, spread over the paragraphs.
    for i in range(1, 21):
        k = (i - 1) * len(body) // 20
        body[k] += f"[^{i}]"
    body.insert(1, f"As a member of the {committee} committee, you will vote on the bill.")
    return (
        "+++\ndate = 2026-03-02\nsubject = \"The associations bill\"\n"
        f"salutation = \"{salutation}\"\n{front_extra}\n"
        "[[signatories]]\nname = \"Ana Ruiz\"\ntitle = \"Director\"\n+++\n\n"
        + "\n\n".join(body) + "\n\n" + "\n".join(notes) + "\n"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    copies = os.path.join(args.out, "copies")
    distinct = os.path.join(args.out, "distinct")
    for folder in (copies, distinct):
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "missive.toml"), "w") as f:
            f.write(HOUSE)
    with open(os.path.join(copies, "letter.md"), "w") as f:
        f.write(letter(random.Random(args.seed), "recipients = \"members.csv\"\n",
                       "Dear Member,", "{{committee}}"))
    with open(os.path.join(copies, "members.csv"), "w") as f:
        f.write("name;address;committee;salutation\n")
        for n in range(args.count):
            name = g.person(rng)
            f.write(f"Dr. {name} {n};\"Parliament\nStreet {n}\nCity\";committee {n % 40};Dear Dr. {name},\n")
    for n in range(args.count):
        name = g.person(rng)
        to = f"[[to]]\nname = \"Dr. {name} {n}\"\naddress = [\"Parliament\", \"Street {n}\", \"City\"]\n"
        text = letter(rng, to, f"Dear Dr. {name},", f"committee {n % 40}")
        with open(os.path.join(distinct, f"letter-{n:04}.md"), "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
