#!/usr/bin/env python3
"""Precision and recall of concept linking on a real collection, from a judgement file.

Builds a copy of the collection with `link_mode: every` (so every mention gongbu
recognises is a link), then lists, over its note pages and concept pages,

  * every concept link, with its concept and the words around it, and
  * every spelling of a concept alias that was *not* linked (outside code, headings and
    other links), which is where missed mentions hide.

Each of these is a row of the judgement file, a TSV kept in the repository:

    verdict  kind      page                        concept  text  context
    right    link      concepts/workloads/pods/    pod      파드  …워크로드는 ⟦파드⟧ 집합에서…
    fine     unlinked  concepts/overview/…         service  서비스 …운영체제 ⟦서비스⟧(데몬)…

A person (or a helper) reads each row and sets the verdict: `right` or `wrong` for a
link, `miss` (should have been linked) or `fine` (rightly left alone) for an unlinked
spelling; new rows start as `?`. Rows are matched across runs by page, concept, text and
context, so a judgement survives rebuilds and only changed text needs judging again.

    python3 scripts/link-census.py ../shared/corpus/ko-docs quality/ko-docs-links.tsv          # report
    python3 scripts/link-census.py ../shared/corpus/ko-docs quality/ko-docs-links.tsv --update # add new rows
    python3 scripts/link-census.py . quality/bundled-site-links.tsv --concept-pages              # gongbu's own notes and glossary

With --concept-pages the concept pages' own text is read too (for a glossary written with
the notes); without it, only the notes (a collection judged against the bundled glossary).

precision = right / (right + wrong); recall = right / (right + miss). The script exits 1
when rows are unjudged, so a report is never computed from a partial reading.
"""
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONTEXT = 24
# Elements whose text is never linked (gongbu's rule), so unlinked spellings there are not misses.
OPAQUE = {"code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "svg", "figcaption", "a", "kbd", "samp", "math"}
OPAQUE_CLASSES = {"callout-title", "example", "example-source", "embed-title", "toc", "footnote-ref"}


class ArticleText(html.parser.HTMLParser):
    """The text of a page's body (`<div class="note-body">`: the note's or the concept's own
    words, not the lists around them), with the concept links and opaque stretches marked."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text = []  # characters
        self.links = []  # (start, end, concept)
        self.opaque = []  # (start, end)
        self.stack = []  # (tag, kind, start) kind: concept:<id> | opaque | plain
        self.in_article = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if not self.in_article and tag == "div" and "note-body" in (attrs.get("class") or "").split():
            self.in_article = 1
            self.stack.append((tag, "body", len(self.text)))
            return
        if not self.in_article or tag in ("br", "img", "hr", "input", "wbr", "meta", "link"):
            if tag == "br" and self.in_article:
                self.text.append(" ")
            return
        classes = set((attrs.get("class") or "").split())
        if tag == "a" and "concept" in classes and attrs.get("data-concept"):
            kind = "concept:" + attrs["data-concept"]
        elif tag in OPAQUE or classes & OPAQUE_CLASSES:
            kind = "opaque"
        else:
            kind = "plain"
        if tag in ("p", "li", "td", "th", "tr", "div", "blockquote", "dd", "dt"):
            self.text.append("\n")
        self.stack.append((tag, kind, len(self.text)))

    def handle_endtag(self, tag):
        if not self.in_article:
            return
        while self.stack:
            open_tag, kind, start = self.stack.pop()
            if kind == "body":
                self.in_article = 0
                break
            if kind.startswith("concept:"):
                self.links.append((start, len(self.text), kind[len("concept:"):]))
            elif kind == "opaque":
                self.opaque.append((start, len(self.text)))
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self.in_article:
            self.text.extend(data)


def squeeze(text):
    return re.sub(r"\s+", " ", text)


def context(text, start, end):
    before = squeeze(text[max(0, start - CONTEXT * 2):start])[-CONTEXT:]
    after = squeeze(text[end:end + CONTEXT * 2])[:CONTEXT]
    return f"{before}⟦{squeeze(text[start:end])}⟧{after}".replace("\t", " ")


def build(corpus, work):
    source = os.path.join(work, "source")
    # A repository's build products and history are not notes.
    ignore = shutil.ignore_patterns(".git", ".build", "public", "node_modules", ".public.gongbu-spare")
    shutil.copytree(corpus, source, symlinks=True, ignore=ignore)
    config = os.path.join(source, "gongbu.yml")
    extra = "link_mode: every\n"
    if os.path.exists(config):
        text = open(config, encoding="utf-8").read()
        text = re.sub(r"(?m)^link_mode:.*\n?", "", text)
        open(config, "w", encoding="utf-8").write(text.rstrip("\n") + "\n" + extra)
    else:
        open(config, "w", encoding="utf-8").write(extra)
    output = os.path.join(work, "site")
    gongbu = os.environ.get("GONGBU") or os.path.join(ROOT, ".build", "release", "gongbu")
    result = subprocess.run([gongbu, "build", "--quiet", "--source", source, "--output", output], capture_output=True, text=True)
    if not os.path.exists(os.path.join(output, "graph.json")):
        sys.exit(f"the build failed:\n{result.stdout}{result.stderr}")
    return output


def alias_pattern(aliases):
    korean, latin = [], []
    for alias in sorted(set(aliases), key=len, reverse=True):
        (korean if re.search(r"[가-힣]", alias) else latin).append(re.escape(alias).replace(r"\ ", r"\s?"))
    parts = []
    if korean:
        parts.append(r"(?<![가-힣A-Za-z0-9])(?:" + "|".join(korean) + r")")
    if latin:
        parts.append(r"(?<![A-Za-z0-9_.-])(?:" + "|".join(latin) + r")(?![A-Za-z0-9_])")
    return re.compile("|".join(parts), re.IGNORECASE)


def census(output, with_concept_pages):
    graph = json.load(open(os.path.join(output, "graph.json"), encoding="utf-8"))
    aliases = {}
    for concept in graph["concepts"]:
        for alias in concept["aliases"] + [concept["title"]]:
            if len(alias) >= 2:
                aliases.setdefault(alias, concept["id"])
    pattern = alias_pattern(aliases)
    by_lower = {a.lower().replace(" ", ""): c for a, c in aliases.items()}
    rows = []
    pages = []
    for note in graph["notes"]:
        pages.append((note["id"] + "/", None, os.path.join(output, note["id"], "index.html") if note["id"] else os.path.join(output, "index.html")))
    for concept in graph["concepts"] if with_concept_pages else []:
        # Concept pages are prose too: <glossary folder>/<id>/, the folder read from the URL.
        folder = concept["url"].rstrip("/").split("/")[-2]
        pages.append((f"{folder}/{concept['id']}/", concept["id"], os.path.join(output, folder, concept["id"], "index.html")))
    for name, own, page in pages:
        if not os.path.exists(page):
            continue
        parser = ArticleText()
        parser.feed(open(page, encoding="utf-8").read())
        text = "".join(parser.text)
        covered = [False] * (len(text) + 1)
        for start, end, concept in parser.links:
            rows.append(["link", name, concept, squeeze(text[start:end]), context(text, start, end)])
            for i in range(start, end):
                covered[i] = True
        for start, end in parser.opaque:
            for i in range(start, end):
                covered[i] = True
        for match in pattern.finditer(text):
            if any(covered[match.start():match.end()]):
                continue
            concept = by_lower.get(match.group(0).lower().replace(" ", "").replace("\n", ""), "?")
            if concept == own:
                continue  # a concept page never links its own concept
            rows.append(["unlinked", name, concept, squeeze(match.group(0)), context(text, match.start(), match.end())])
    keyed = {}
    for row in rows:
        key = "\t".join(row)
        n = 1
        while key in keyed:
            n += 1
            key = "\t".join(row[:-1] + [f"{row[-1]} #{n}"])
        keyed[key] = key.split("\t")
    return keyed


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) != 2:
        sys.exit(__doc__)
    corpus, judgements = args
    with tempfile.TemporaryDirectory() as work:
        found = census(build(os.path.abspath(corpus), work), "--concept-pages" in sys.argv)
    known = {}
    if os.path.exists(judgements):
        for line in open(judgements, encoding="utf-8").read().splitlines()[1:]:
            fields = line.split("\t")
            if len(fields) == 6:
                known["\t".join(fields[1:])] = fields[0]
    # A row whose wider context changed (an edit a sentence away) keeps its verdict when the
    # words next to the mention are the same.
    def core(key):
        kind, page, concept, text, context = key.split("\t")
        left, _, right = context.partition("⟦")
        inner, _, right = right.partition("⟧")
        return (kind, page, concept, text, left[-10:], inner, right[:10])
    by_core = {}
    for key, verdict in known.items():
        by_core.setdefault(core(key), verdict)
    verdicts = {key: known.get(key) or by_core.get(core(key), "?") for key in found}
    if "--update" in sys.argv:
        with open(judgements, "w", encoding="utf-8") as f:
            f.write("verdict\tkind\tpage\tconcept\ttext\tcontext\n")
            for key in sorted(found, key=lambda k: (found[k][1], found[k][0], k)):
                f.write(f"{verdicts[key]}\t{key}\n")
    count = {}
    for key, verdict in verdicts.items():
        count[(found[key][0], verdict)] = count.get((found[key][0], verdict), 0) + 1
    right, wrong = count.get(("link", "right"), 0), count.get(("link", "wrong"), 0)
    miss, fine = count.get(("unlinked", "miss"), 0), count.get(("unlinked", "fine"), 0)
    unjudged = sum(n for (kind, verdict), n in count.items() if verdict not in ("right", "wrong", "miss", "fine"))
    stale = len(set(known) - set(found))
    print(f"links: {right + wrong + count.get(('link', '?'), 0)} ({right} right, {wrong} wrong); "
          f"unlinked spellings: {miss + fine + count.get(('unlinked', '?'), 0)} ({miss} missed, {fine} rightly not linked)")
    if right + wrong:
        print(f"precision {100 * right / (right + wrong):.1f} %")
    if right + miss:
        print(f"recall    {100 * right / (right + miss):.1f} %")
    if stale:
        print(f"{stale} judged rows no longer occur (run with --update to drop them)")
    if unjudged:
        print(f"{unjudged} rows are not judged yet (verdict '?')")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
