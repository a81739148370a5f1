#!/usr/bin/env python3
"""Puts the three engines' reports side by side, checks the targets, writes results.json.

Reads OUT/{pamphlet,tantivy,fts5}-x{1,4}.json (whichever exist) and prints Markdown tables
(class x engine: median and p99; build MB/s; index size; peak RSS; cold start), then the
targets of issue 3 with the measured value and whether this run met them.

Usage: report.py [--out DIR] [--scales 1 4]
"""
import argparse
import json
import os
import platform
import re
import subprocess
from pathlib import Path

ENGINES = [("pamphlet", "Pamphlet"), ("tantivy", "tantivy"), ("fts5", "SQLite FTS5")]
CLASSES = ["word_common", "word_medium", "word_rare", "two_words", "phrase", "typo", "typing",
           "typing_1char"]
CLASS_NOTES = {"typing": "every keystroke", "typing_1char": "1-letter prefixes (part of typing)"}


def machine():
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", open("/proc/meminfo").read()).group(1))
        mem = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, AttributeError):
        pass

    def cmd(argv):
        try:
            return subprocess.run(argv, capture_output=True, text=True).stdout.strip().split("\n")[0]
        except OSError:
            return None

    try:
        load = open("/proc/loadavg").read().split()[:3]
    except OSError:
        load = []
    return {"load_average": " ".join(load), "nproc": os.cpu_count(), "cpu": cpu, "memory": mem, "kernel": platform.release(),
            "os": cmd(["sh", "-c", ". /etc/os-release && echo $PRETTY_NAME"]),
            "swift": cmd(["swift", "--version"]), "python": platform.python_version()}


def fmt(x, digits=3):
    if x is None:
        return "–"
    if x >= 100:
        return f"{x:.0f}"
    if x >= 10:
        return f"{x:.1f}"
    return f"{x:.{digits}f}"


def latency_table(reports, present, prefix=""):
    head = "| class | queries | " + " | ".join(f"{n} median | {n} p99" for _, n in present) + " |"
    lines = [head, "|" + "---|" * (2 + 2 * len(present))]
    for cls in CLASSES:
        row = [cls + (f" ({CLASS_NOTES[cls]})" if cls in CLASS_NOTES else "")]
        counts = [reports[k]["classes"].get(cls, {}).get("queries") or reports[k]["classes"].get(cls, {}).get("samples")
                  for k, _ in present]
        row.append(str(next((c for c in counts if c), "")))
        for k, _ in present:
            c = reports[k]["classes"].get(cls) or {}
            row += [fmt(c.get(prefix + "median_ms")), fmt(c.get(prefix + "p99_ms"))]
        lines.append("| " + " | ".join(row) + " |")
    return lines


def side_by_side(reports, scale):
    present = [(k, name) for k, name in ENGINES if k in reports]
    lines = ["Wall time per query, ms (top 10 with snippets):", ""]
    lines += latency_table(reports, present)
    lines += ["", "The same queries on the thread's CPU clock, ms (the work itself, without time "
              "the scheduler gave to other processes):", ""]
    lines += latency_table(reports, present, "cpu_")
    lines.append("")
    lines.append("| | " + " | ".join(n for _, n in present) + " |")
    lines.append("|---|" + "---|" * len(present))

    def add(label, fn):
        lines.append(f"| {label} | " + " | ".join(fn(reports[k]) for k, _ in present) + " |")

    add("index build MB/s", lambda r: fmt(r.get("build_mb_per_s"), 1))
    add("index build MB/s on CPU time", lambda r: fmt(r.get("build_cpu_mb_per_s"), 1))
    add("index build s", lambda r: fmt(r.get("build_seconds"), 2))
    add("index on disk / corpus", lambda r: f"{fmt(r.get('index_ratio'), 2)}x" if r.get("index_ratio") else "–")
    add("peak RSS MB (x corpus)", lambda r: f"{fmt(r['peak_rss_mb'], 1)} ({r['peak_rss_mb'] * 1048576 / r['corpus_bytes']:.2f}x)")
    add("peak RSS MB serving every query from the on-disk index (x corpus)",
        lambda r: f"{fmt(r['serving_peak_rss_mb'], 1)} ({r['serving_peak_rss_mb'] * 1048576 / r['corpus_bytes']:.2f}x)"
        if r.get("serving_peak_rss_mb") else "–")
    add("cold start ms (process start to answer)", lambda r: fmt((r.get("cold_start") or {}).get("median_ms"), 1))
    add("cold start, the child's CPU ms (user + sys, all its threads)", lambda r: fmt((r.get("cold_start") or {}).get("cpu_median_ms"), 1))
    if any(reports[k].get("cold_start_full_check") for k, _ in present):
        add("first start after writing the index ms (whole snapshot checksummed)",
            lambda r: fmt((r.get("cold_start_full_check") or {}).get("median_ms"), 1))
    if "pamphlet" in reports:
        p = reports["pamphlet"]
        cs = p.get("cold_start") or {}
        lines.append("")
        lines.append(f"Pamphlet: loading the corpus through the loader took {fmt(p.get('load_seconds'), 2)} s "
                     f"(not counted in the build); `pamphlet index` (load + build + write, fresh process) took "
                     f"{fmt(p.get('index_command_seconds'), 2)} s with a peak RSS of {fmt(p.get('index_command_peak_rss_mb'), 1)} MB; "
                     f"the cold-start `pamphlet search` peaked at {fmt(cs.get('peak_rss_mb'), 1)} MB; "
                     f"in-memory index image {p.get('image_bytes', 0) / 1e6:.1f} MB; queries answered from "
                     + ("the snapshot file (memory-mapped, texts read with `pread`)" if p.get("queried_from") == "snapshot"
                        else "the index built in memory") + ".")
    if "fts5" in reports and reports["fts5"].get("cold_start_sqlite3_cli"):
        lines.append("")
        lines.append(f"FTS5 cold start with the sqlite3 command-line shell instead of Python: "
                     f"{fmt(reports['fts5']['cold_start_sqlite3_cli']['median_ms'], 1)} ms. "
                     f"Python itself starts in {fmt(reports['fts5']['python_start']['median_ms'], 1)} ms "
                     f"(`python3 -c pass`), included in the Python cold starts.")
    corpus = reports[present[0][0]]
    title = (f"### Corpus {scale}x: {corpus['corpus_bytes'] / 1e6:.1f} MB of Markdown"
             + (f", {corpus['sections']} sections in {corpus['documents']} documents" if "sections" in corpus else ""))
    return title + "\n\n" + "\n".join(lines)


def targets(all_reports):
    """Issue 3's targets (and issue 4's keystroke one), each with what this run measured."""
    rows = []

    def check(name, value, limit, unit="ms", better="below", cpu=None):
        bar = f"{'≤' if better == 'below' else '≥'} {limit} {unit}"
        if value is None:
            rows.append((name, "not measured", "", bar, "?"))
            return
        ok = value <= limit if better == "below" else value >= limit
        cpu_text = f"{fmt(cpu)} {unit}" if cpu is not None else ""
        if cpu is not None and not ok and (cpu <= limit if better == "below" else cpu >= limit):
            cpu_text += " (met on CPU time)"
        rows.append((name, f"{fmt(value)} {unit}", cpu_text, bar, "met" if ok else "MISSED"))

    p1 = all_reports.get(1, {}).get("pamphlet")
    p4 = all_reports.get(4, {}).get("pamphlet")

    def cls(r, c, key):
        return ((r or {}).get("classes", {}).get(c) or {}).get(key)

    def lat(name, r, c, key, limit):
        check(name, cls(r, c, key), limit, cpu=cls(r, c, "cpu_" + key))

    lat("typing p99 (1x)", p1, "typing", "p99_ms", 1.5)
    lat("typing median (1x)", p1, "typing", "median_ms", 0.3)
    lat("typing 1-letter p99 (1x)", p1, "typing_1char", "p99_ms", 1.5)
    lat("typing p99 (4x)", p4, "typing", "p99_ms", 3)
    for c in ["word_common", "word_medium", "word_rare", "two_words", "phrase"]:
        lat(f"{c} p99 (1x)", p1, c, "p99_ms", 1)
    for scale, reports in sorted(all_reports.items()):
        p = reports.get("pamphlet")
        for ref, factor in [("tantivy", 2), ("fts5", 10)]:
            r = reports.get(ref)
            if not (p and r):
                continue
            for c in CLASSES[:-1]:
                a, b = cls(p, c, "p99_ms"), cls(r, c, "p99_ms")
                ca, cb = cls(p, c, "cpu_p99_ms"), cls(r, c, "cpu_p99_ms")
                if a and b:
                    check(f"{c} p99 vs {ref} ({scale}x): speed-up", b / a, factor, "x", better="above",
                          cpu=(cb / ca) if ca and cb else None)
    if p1:
        check("build speed (1x)", p1.get("build_mb_per_s"), 40, "MB/s", better="above",
              cpu=p1.get("build_cpu_mb_per_s"))
        check("snapshot size / corpus (1x)", p1.get("index_ratio"), 1.0, "x")
        check("peak RSS / corpus (1x), benchmark process (library + build + queries)",
              p1["peak_rss_mb"] * 1048576 / p1["corpus_bytes"], 2.0, "x")
        if p1.get("index_command_peak_rss_mb"):
            check("peak RSS / corpus (1x), `pamphlet index` (load, build, write; library freed before the postings)",
                  p1["index_command_peak_rss_mb"] * 1048576 / p1["corpus_bytes"], 2.0, "x")
        if p1.get("serving_peak_rss_mb"):
            check("peak RSS / corpus (1x), process serving the queries from the snapshot",
                  p1["serving_peak_rss_mb"] * 1048576 / p1["corpus_bytes"], 2.0, "x")
        check("cold start (1x), snapshot checked before (every start but the first)",
              (p1.get("cold_start") or {}).get("median_ms"), 20, cpu=(p1.get("cold_start") or {}).get("cpu_median_ms"))
        if p1.get("cold_start_full_check"):
            check("cold start (1x), first after writing the snapshot (whole file checksummed)",
                  p1["cold_start_full_check"].get("median_ms"), 20, cpu=p1["cold_start_full_check"].get("cpu_median_ms"))
        ks = p1.get("keystroke") or {}
        check("keystroke to frame p99 at 200x60", (ks.get("200x60") or {}).get("p99_ms"), 2,
              cpu=(ks.get("200x60") or {}).get("cpu_p99_ms"))
    lines = ["| target | measured (wall) | on CPU time | bar | |", "|---|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} | {e} |" for a, b, c, d, e in rows]
    return "\n".join(lines), rows


def keystroke_table(p):
    ks = (p or {}).get("keystroke") or {}
    if not ks:
        return ""
    lines = ["| terminal size | keystrokes | median ms | p99 ms | max ms | CPU median ms | CPU p99 ms |",
             "|---|---|---|---|---|---|---|"]
    for size, s in sorted(ks.items()):
        lines.append(f"| {size} | {s['samples']} | {fmt(s['median_ms'])} | {fmt(s['p99_ms'])} | {fmt(s['max_ms'])} "
                     f"| {fmt(s.get('cpu_median_ms'))} | {fmt(s.get('cpu_p99_ms'))} |")
    return "### Keystroke to frame (update + view + diff, search results on screen)\n\n" + "\n".join(lines)


def main():
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=here / "out")
    ap.add_argument("--scales", type=int, nargs="+", default=[1, 4])
    args = ap.parse_args()
    all_reports = {}
    for scale in args.scales:
        reports = {}
        for key, _ in ENGINES:
            path = args.out / f"{key}-x{scale}.json"
            if path.exists():
                reports[key] = json.loads(path.read_text())
        if reports:
            all_reports[scale] = reports
    if not all_reports:
        raise SystemExit(f"report: no results in {args.out}")
    m = machine()
    parts = [f"Machine: {m['nproc']} cores, {m['cpu']}, {m['memory']} RAM, {m['os']}, kernel {m['kernel']}; "
             f"{m['swift']}; Python {m['python']}; load average when the report was written: {m['load_average']}"]
    for scale, reports in sorted(all_reports.items()):
        parts.append(side_by_side(reports, scale))
    ks = keystroke_table(all_reports.get(1, {}).get("pamphlet"))
    if ks:
        parts.append(ks)
    table, rows = targets(all_reports)
    parts.append("### Targets\n\n" + table)
    text = "\n\n".join(parts)
    print(text)
    (args.out / "results.md").write_text(text + "\n")
    (args.out / "results.json").write_text(json.dumps(
        {"machine": m, "runs": {f"x{s}": r for s, r in all_reports.items()},
         "targets": [{"target": a, "measured": b, "cpu": c, "bar": d, "status": e} for a, b, c, d, e in rows]},
        indent=1, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
