#!/usr/bin/env python3
"""How good are the cards gongbu makes from other people's notes? A repeatable sample and its judgement.

    python3 scripts/card-census.py sample ../shared/corpus/real-notes/95jw_archive ... > quality/cards-sample.tsv
    python3 scripts/card-census.py score quality/cards-judged.tsv

`sample` runs `gongbu cards --format json` on each folder and prints a seeded random sample of the
cards made from the notes' own lines (definition, explicit, cloze; the glossary's cards are
gongbu's own) as TSV: corpus, kind, source:line, front, back, and an empty `good` column.
A reader fills `good` with y (a card worth reviewing: a term and its meaning, a question and its
answer) or n (not a card: a label, a step, a sentence cut at a colon), with a note.

`score` prints, per corpus and overall, how many of the judged cards are good (precision).
With `--folders`, it first runs gongbu again on those folders and scores only the judged cards
gongbu still makes, and says how many good cards it no longer makes: the effect of a change to
the rules on the same judged sample.
"""
import argparse
import collections
import csv
import json
import os
import random
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def sample(args):
    writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    writer.writerow(["corpus", "kind", "place", "front", "back", "good", "note"])
    for folder in args.folders:
        out = subprocess.run([args.gongbu, "cards", "--source", folder, "--format", "json"], capture_output=True, text=True)
        cards = [c for c in json.loads(out.stdout)["cards"] if c["kind"] in ("definition", "explicit", "cloze")]
        counts = collections.Counter(c["kind"] for c in cards)
        print(f"# {os.path.basename(folder.rstrip('/'))}: {dict(counts)}", file=sys.stderr)
        rng = random.Random(args.seed)
        for card in sorted(rng.sample(cards, min(args.count, len(cards))), key=lambda c: (c["source"], c["line"])):
            writer.writerow([os.path.basename(folder.rstrip("/")), card["kind"], f"{card['source']}:{card['line']}",
                             card["front"].replace("\t", " ").replace("\n", " / "), card["back"].replace("\t", " ").replace("\n", " / "), "", ""])


def current_cards(gongbu, folders):
    """(source:line, front) of every card gongbu makes now, by corpus name."""
    made = {}
    for folder in folders:
        out = subprocess.run([gongbu, "cards", "--source", folder, "--format", "json"], capture_output=True, text=True)
        made[os.path.basename(folder.rstrip("/"))] = {
            (f"{c['source']}:{c['line']}", c["front"].replace("\t", " ").replace("\n", " / ")) for c in json.loads(out.stdout)["cards"]}
    return made


def score(args):
    per = collections.defaultdict(lambda: [0, 0])
    made = current_cards(args.gongbu, args.folders) if args.folders else None
    lost = 0
    with open(args.judged, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["good"] not in ("y", "n"):
                continue
            if made is not None and (row["place"], row["front"]) not in made.get(row["corpus"], set()):
                lost += row["good"] == "y"
                continue
            per[row["corpus"]][1] += 1
            per[row["corpus"]][0] += row["good"] == "y"
    total = [sum(v[0] for v in per.values()), sum(v[1] for v in per.values())]
    for corpus, (good, judged) in sorted(per.items()):
        print(f"{corpus}: {good}/{judged} good ({good / judged:.0%})")
    if total[1]:
        print(f"all: {total[0]}/{total[1]} good ({total[0] / total[1]:.0%})")
    if made is not None:
        print(f"good cards no longer made: {lost}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    s = commands.add_parser("sample")
    s.add_argument("folders", nargs="+")
    s.add_argument("--count", type=int, default=40)
    s.add_argument("--seed", type=int, default=2026)
    s.add_argument("--gongbu", default=os.path.join(ROOT, ".build", "debug", "gongbu"))
    j = commands.add_parser("score")
    j.add_argument("judged")
    j.add_argument("--folders", nargs="*", help="score against what gongbu makes now from these folders")
    j.add_argument("--gongbu", default=os.path.join(ROOT, ".build", "debug", "gongbu"))
    args = parser.parse_args()
    sample(args) if args.command == "sample" else score(args)


if __name__ == "__main__":
    main()
