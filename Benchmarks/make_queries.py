#!/usr/bin/env python3
"""Draws the benchmark's fixed, seeded query set from the corpus's own words.

Reads CORPUS/sections.jsonl (written by make_corpus.py) and writes a JSON file
{"seed", "corpus", "queries": [{"class", "q", ...}]} with these classes:

  word_common   single words contained in >= 5% of sections
  word_medium   single words in 0.5% .. 5% of sections
  word_rare     single words in 1 .. 5 sections
  two_words     two words drawn from the same section (so at least one section has both)
  phrase        "quoted" runs of 2-3 adjacent words from a section's text
  typo          a word of >= 5 letters (in >= 10 sections) with one edit applied
                (deletion, insertion, substitution or transposition), not itself a corpus word
  typing        search as you type: words and two-word section titles typed one character
                at a time, every prefix a query (1-letter prefixes included); `prefix` is true
                when the last word is still being typed

Usage: make_queries.py [--corpus DIR] [--out FILE] [--seed N] [--count N]
"""
import argparse
import json
import random
import re
from collections import Counter
from pathlib import Path

WORD = re.compile(r"[a-z]+")
STOP = set("""a about above after again against all am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from further
had has have having he her here hers herself him himself his how i if in into is it its itself just
me more most my myself no nor not now of off on once only or other our ours ourselves out over own
same she should so some such than that the their theirs them themselves then there these they this
those through to too under until up very was we were what when where which while who whom why will
with would you your yours yourself yourselves also may must use used using see e g i.e""".split())
ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def load_sections(corpus):
    rows = []
    with open(corpus / "sections.jsonl", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            rows.append(r)
    return rows


def words_of(text):
    return WORD.findall(text.lower())


def one_edit(word, rng, vocabulary):
    for _ in range(100):
        kind = rng.choice(["delete", "insert", "substitute", "transpose"])
        i = rng.randrange(1, len(word))            # keep the first letter, as people usually do
        if kind == "delete":
            out = word[:i] + word[i + 1:]
        elif kind == "insert":
            out = word[:i] + rng.choice(ALPHABET) + word[i:]
        elif kind == "substitute":
            out = word[:i] + rng.choice(ALPHABET.replace(word[i], "")) + word[i + 1:]
        else:
            if i + 1 >= len(word) or word[i] == word[i + 1]:
                continue
            out = word[:i] + word[i + 1] + word[i] + word[i + 2:]
        if out not in vocabulary:
            return out, kind
    return None, None


def main():
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=here / "corpus")
    ap.add_argument("--out", type=Path, default=here / "out" / "queries.json")
    ap.add_argument("--seed", type=int, default=20261127)
    ap.add_argument("--count", type=int, default=100, help="queries per class (typing: see below)")
    ap.add_argument("--typed-words", type=int, default=25)
    ap.add_argument("--typed-titles", type=int, default=15)
    args = ap.parse_args()
    rng = random.Random(args.seed)

    rows = load_sections(args.corpus)
    n = len(rows)
    section_words = []
    df = Counter()
    for r in rows:
        ws = words_of(r["title"] + " " + r["heading"] + " " + r["body"])
        section_words.append(ws)
        df.update(set(ws))
    vocabulary = set(df)
    content_words = sorted(w for w in vocabulary if w not in STOP and len(w) >= 3)

    def band(lo, hi):
        return [w for w in content_words if lo <= df[w] <= hi]

    common = band(max(2, int(0.05 * n)), n)
    medium = band(max(2, int(0.005 * n)), max(2, int(0.05 * n)) - 1)
    rare = [w for w in band(1, 5) if len(w) >= 4]
    queries = []

    def add(cls, picks, **extra):
        for q in picks:
            queries.append({"class": cls, "q": q, **extra})

    add("word_common", rng.sample(common, min(args.count, len(common))))
    add("word_medium", rng.sample(medium, min(args.count, len(medium))))
    add("word_rare", rng.sample(rare, min(args.count, len(rare))))

    # Two words that occur together in a section.
    pairs = []
    while len(pairs) < args.count:
        ws = sorted({w for w in rng.choice(section_words) if w not in STOP and len(w) >= 3 and df[w] >= 10})
        if len(ws) >= 2:
            a, b = rng.sample(ws, 2)
            pairs.append(f"{a} {b}")
    add("two_words", pairs)

    # Phrases: 2-3 adjacent words (only spaces between them) from a section's own text.
    phrases = []
    while len(phrases) < args.count:
        r = rng.choice(rows)
        text = r["body"]
        runs = re.findall(r"[A-Za-z]+(?: [A-Za-z]+){1,2}", text)
        runs = [x for x in runs if not all(w.lower() in STOP for w in x.split())]
        if runs:
            run = rng.choice(runs).split()
            length = rng.choice([2, 3]) if len(run) >= 3 else 2
            start = rng.randrange(0, len(run) - length + 1)
            phrase = " ".join(run[start:start + length]).lower()
            if not all(w in STOP for w in phrase.split()):
                phrases.append(f'"{phrase}"')
    add("phrase", phrases)

    # Misspellings of words people would search for.
    typo_pool = [w for w in content_words if len(w) >= 5 and df[w] >= 10]
    typos = []
    while len(typos) < args.count:
        word = rng.choice(typo_pool)
        bad, kind = one_edit(word, rng, vocabulary)
        if bad:
            typos.append({"class": "typo", "q": bad, "intended": word, "edit": kind})
    queries.extend(typos)

    # Search as you type: every prefix of a word or of a two-word section title.
    typed = rng.sample([w for w in medium + common if 6 <= len(w) <= 12], args.typed_words)
    titles = sorted({r["heading"].lower() for r in rows
                     if re.fullmatch(r"[A-Za-z]{3,} [A-Za-z]{3,}", r["heading"])})
    typed_titles = rng.sample(titles, min(args.typed_titles, len(titles)))
    for source, text in [("word", w) for w in typed] + [("title", t) for t in typed_titles]:
        for i in range(1, len(text) + 1):
            prefix = text[:i]
            queries.append({"class": "typing", "q": prefix, "source": source,
                            "prefix": not prefix.endswith(" ")})

    stats = json.loads((args.corpus / "corpus.json").read_text())
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"seed": args.seed, "corpus": stats, "queries": queries},
                                   indent=1, ensure_ascii=False) + "\n")
    counts = Counter(q["class"] for q in queries)
    print("make_queries:", args.out, ", ".join(f"{c} {k}" for c, k in counts.items()))


if __name__ == "__main__":
    main()
