#!/usr/bin/env python3
"""Reference engine: SQLite FTS5 through Python's sqlite3.

Table t(title, heading, body), tokenizer `porter unicode61 remove_diacritics 2` (stemming, like
Pamphlet), prefix indexes for 1-3 characters (FTS5's own answer to search as you type), ranked by
bm25(t, 10, 5, 1) (set as the table's `rank`, so FTS5 sorts internally and snippet() runs only for
the 10 rows returned), snippet() over the best column. Words are ANDed (FTS5's implicit AND), a
phrase is an FTS5 phrase, and while typing the last word is a prefix query `"word"*`. FTS5 has
no typo tolerance: misspelled words are searched as typed.

  ref_fts5.py bench --index out/fts5.db [--corpus DIR] [--queries FILE] [--out FILE]
  ref_fts5.py query --index out/fts5.db WORDS        (the cold-start probe)
"""
import sqlite3
import os
import sys
import time

import refcommon as rc

SCHEMA = ("CREATE VIRTUAL TABLE t USING fts5(title, heading, body, "
          "tokenize='porter unicode61 remove_diacritics 2', prefix='1 2 3')")
SELECT = ("SELECT rowid, title, heading, snippet(t, -1, char(2), char(3), '…', 16) "
          "FROM t WHERE t MATCH ? ORDER BY rank LIMIT 10")


def match_expression(q):
    """The FTS5 MATCH string for one query of the set."""
    text, cls = q["q"], q["class"]
    if cls == "phrase":
        return '"' + " ".join(rc.words(text)) + '"'
    ws = rc.words(text)
    if not ws:
        return None
    parts = [f'"{w}"' for w in ws]
    if cls == "typing" and q.get("prefix", True):
        parts[-1] += "*"
    return " ".join(parts)


def build(corpus, path):
    import shutil
    from pathlib import Path
    path = Path(path)
    if path.exists():
        path.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute(SCHEMA)
    db.execute("INSERT INTO t(t, rank) VALUES('rank', 'bm25(10.0, 5.0, 1.0)')")
    c0 = time.process_time()
    t0 = time.perf_counter()
    db.executemany("INSERT INTO t(title, heading, body) VALUES (?, ?, ?)",
                   ((s["title"], s["heading"], s["body"]) for s in rc.sections(corpus)))
    db.commit()
    db.execute("INSERT INTO t(t) VALUES('optimize')")   # merge b-trees, as a shipped index would be
    db.commit()
    seconds = time.perf_counter() - t0, time.process_time() - c0
    db.close()
    return seconds


def searcher(path):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)

    def search(q):
        expr = match_expression(q)
        if expr is None:
            return []
        return db.execute(SELECT, (expr,)).fetchall()

    return search


def main():
    args = rc.arguments(__doc__.split("\n")[0])
    if args.command == "query":
        for rowid, title, heading, snippet in searcher(args.index)({"q": args.text, "class": args.cls}):
            print(f"{rowid}\t{title} > {heading}\t{snippet}")
        return
    queries = rc.load_queries(args.queries)
    corpus_bytes = rc.corpus_bytes(args.corpus)
    seconds, cpu_seconds = build(args.corpus, args.index)
    index_bytes = rc.dir_size(args.index)
    latency = rc.run_queries(queries, searcher(args.index), args.repeat)
    cold_query = args.cold_query or next(q["q"] for q in queries if q["class"] == "word_medium")
    report = {
        "engine": "sqlite-fts5",
        "version": sqlite3.sqlite_version,
        "corpus_bytes": corpus_bytes,
        "build_seconds": seconds,
        "build_mb_per_s": corpus_bytes / 1e6 / seconds,
        "build_cpu_seconds": cpu_seconds,
        "build_cpu_mb_per_s": corpus_bytes / 1e6 / cpu_seconds,
        "index_bytes": index_bytes,
        "index_ratio": index_bytes / corpus_bytes,
        "peak_rss_mb": rc.peak_rss_mb(),
        "cold_start": rc.cold_start([sys.executable, os.path.abspath(__file__), "query",
                                     "--index", str(args.index), cold_query], args.cold_runs),
        "classes": latency,
    }
    import shutil
    cli = shutil.which("sqlite3")
    if cli:
        report["cold_start_sqlite3_cli"] = rc.cold_start(
            [cli, "-readonly", str(args.index),
             SELECT.replace("?", "'" + match_expression({"q": cold_query, "class": "word_medium"}) + "'")],
            args.cold_runs)
    report["python_start"] = rc.python_baseline(args.cold_runs)
    rc.emit(report, args.out)


if __name__ == "__main__":
    main()
