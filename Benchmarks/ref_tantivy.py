#!/usr/bin/env python3
"""Reference engine: tantivy through its Python binding (PyPI `tantivy`).

Schema title/heading/body, all `en_stem` (stemming, like Pamphlet), stored for snippets. Field
boosts title 10, heading 5, body 1 (the same weights FTS5 gets). Words are ANDed (the query
parser in conjunction mode); a phrase is a phrase query; while typing the last word is a prefix
(a prefix automaton: fuzzy_term_query with distance 0 and prefix=True, one per field, boosted);
misspelled words get tantivy's fuzzy matching (1 edit from 5 letters, 2 from 9, transposition
counts 1), the same tolerance Pamphlet applies. Snippets come from its SnippetGenerator over the
body. The index is built with one indexing thread (the targets speak of one core).

  ref_tantivy.py bench --index out/tantivy [--corpus DIR] [--queries FILE] [--out FILE]
  ref_tantivy.py query --index out/tantivy WORDS     (the cold-start probe)
"""
import os
import sys
import time

import refcommon as rc
import tantivy

FIELDS = ["title", "heading", "body"]
BOOSTS = {"title": 10.0, "heading": 5.0, "body": 1.0}


def schema():
    b = tantivy.SchemaBuilder()
    for f in FIELDS:
        b.add_text_field(f, stored=True, tokenizer_name="en_stem")
    return b.build()


def build(corpus, path):
    import shutil
    from pathlib import Path
    path = Path(path)
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    index = tantivy.Index(schema(), path=str(path))
    c0 = time.process_time()
    t0 = time.perf_counter()
    writer = index.writer(heap_size=128_000_000, num_threads=1)
    for s in rc.sections(corpus):
        writer.add_document(tantivy.Document(title=s["title"], heading=s["heading"], body=s["body"]))
    writer.commit()
    writer.wait_merging_threads()
    return time.perf_counter() - t0, time.process_time() - c0


def make_query(index, sch, q):
    text, cls = q["q"], q["class"]
    ws = rc.words(text)
    if not ws:
        return None
    if cls == "phrase":
        return index.parse_query('"' + " ".join(ws) + '"', FIELDS, field_boosts=BOOSTS)
    if cls == "typo":
        fuzzy = {f: (False, 2 if len(ws[-1]) >= 9 else 1, True) for f in FIELDS}
        return index.parse_query(" ".join(ws), FIELDS, field_boosts=BOOSTS, fuzzy_fields=fuzzy,
                                 conjunction_by_default=True)
    if cls == "typing" and q.get("prefix", True):
        # Prefix terms are matched against the stemmed index, so the word as typed is also
        # searched as a whole word ("introduces" is indexed as "introduc").
        last = tantivy.Query.boolean_query([
            (tantivy.Occur.Should,
             tantivy.Query.boost_query(tantivy.Query.fuzzy_term_query(sch, f, ws[-1], distance=0,
                                                                      prefix=True), BOOSTS[f]))
            for f in FIELDS] + [(tantivy.Occur.Should, index.parse_query(ws[-1], FIELDS,
                                                                          field_boosts=BOOSTS))])
        if len(ws) == 1:
            return last
        head = index.parse_query(" ".join(ws[:-1]), FIELDS, field_boosts=BOOSTS,
                                 conjunction_by_default=True)
        return tantivy.Query.boolean_query([(tantivy.Occur.Must, head), (tantivy.Occur.Must, last)])
    return index.parse_query(" ".join(ws), FIELDS, field_boosts=BOOSTS, conjunction_by_default=True)


def searcher(path):
    index = tantivy.Index.open(str(path))
    sch = index.schema
    s = index.searcher()

    def search(q):
        query = make_query(index, sch, q)
        if query is None:
            return []
        hits = s.search(query, limit=10).hits
        snippets = tantivy.SnippetGenerator.create(s, query, sch, "body")
        out = []
        for score, address in hits:
            doc = s.doc(address)
            snippet = snippets.snippet_from_doc(doc)
            out.append((score, doc["title"][0], doc["heading"][0], snippet.fragment(),
                        [(r.start, r.end) for r in snippet.highlighted()]))
        return out

    return search


def main():
    args = rc.arguments(__doc__.split("\n")[0])
    if args.command == "query":
        for score, title, heading, fragment, _ in searcher(args.index)({"q": args.text, "class": args.cls}):
            print(f"{score:.3f}\t{title} > {heading}\t{fragment[:100]!r}")
        return
    queries = rc.load_queries(args.queries)
    corpus_bytes = rc.corpus_bytes(args.corpus)
    seconds, cpu_seconds = build(args.corpus, args.index)
    index_bytes = rc.dir_size(args.index)
    latency = rc.run_queries(queries, searcher(args.index), args.repeat)
    cold_query = args.cold_query or next(q["q"] for q in queries if q["class"] == "word_medium")
    report = {
        "engine": "tantivy",
        "version": getattr(tantivy, "__version__", None) or _dist_version(),
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
        "python_start": rc.python_baseline(args.cold_runs),
        "classes": latency,
    }
    rc.emit(report, args.out)


def _dist_version():
    try:
        from importlib.metadata import version
        return version("tantivy")
    except Exception:
        return None


if __name__ == "__main__":
    main()
