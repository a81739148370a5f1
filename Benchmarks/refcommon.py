"""The harness both Python reference engines share: corpus and query loading, timing, statistics
and the JSON they report, so FTS5 and tantivy are measured exactly the same way."""
# Only what the cold-start probe needs is imported at the top; the rest inside the functions,
# so a probe process measures the engine's start, not the harness's imports.
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def sections(corpus):
    """Streams the sections the corpus builder wrote (title, heading, body), never all at once."""
    with open(os.path.join(corpus, "sections.jsonl"), encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def corpus_bytes(corpus):
    with open(os.path.join(corpus, "corpus.json")) as f:
        return json.load(f)["markdown_bytes"]


def dir_size(path):
    from pathlib import Path
    path = Path(path)
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def percentile(samples, p):
    """Nearest-rank percentile (p in 0..100)."""
    import math
    ordered = sorted(samples)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return ordered[rank - 1]


def words(text):
    return re.findall(r"\w+", text.lower())


def peak_rss_mb():
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024   # Linux reports KiB


def cold_start(argv, runs):
    """Process start to exit (the first query answered and printed), timed from the outside."""
    import statistics
    import subprocess
    import time
    from pathlib import Path
    import resource
    times, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
        times.append((time.perf_counter() - t0) * 1000)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append((after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000)
    return {"median_ms": statistics.median(times), "min_ms": min(times), "runs": runs,
            "cpu_median_ms": statistics.median(cpu),
            "command": " ".join(Path(a).name if i == 0 else a for i, a in enumerate(argv))}


def arguments(description):
    """`bench` options, or for the cold-start probe `query --index PATH [--class C] TEXT`,
    parsed by hand there to keep argparse out of the probe's start-up."""
    if sys.argv[1:2] == ["query"]:
        rest = sys.argv[2:]
        opts = {"--index": None, "--class": "word_medium"}
        while rest and rest[0] in opts:
            opts[rest[0]] = rest[1]
            rest = rest[2:]
        if opts["--index"] is None or len(rest) != 1:
            sys.exit("usage: query --index PATH [--class C] TEXT")
        return _Args(command="query", index=opts["--index"], cls=opts["--class"], text=rest[0])
    import argparse
    from pathlib import Path
    here = Path(HERE)
    ap = argparse.ArgumentParser(description=description)
    sub = ap.add_subparsers(dest="command", required=True)
    b = sub.add_parser("bench", help="build the index, time the query set, report JSON")
    b.add_argument("--corpus", type=Path, default=here / "corpus")
    b.add_argument("--queries", type=Path, default=here / "out" / "queries.json")
    b.add_argument("--index", type=Path, required=True, help="where the on-disk index goes")
    b.add_argument("--out", type=Path, help="write the JSON report here (default: stdout)")
    b.add_argument("--repeat", type=int, default=3, help="timed passes over the query set")
    b.add_argument("--cold-runs", type=int, default=10)
    b.add_argument("--cold-query", default=None, help="default: the first word_medium query")
    sub.add_parser("query", help="query --index PATH [--class C] TEXT: open the on-disk index, "
                                 "answer one query, print the hits (the cold-start probe)")
    return ap.parse_args()


class _Args:
    def __init__(self, **kw):
        self.__dict__.update(kw)


def run_queries(queries, search, repeat):
    """search(query_dict) -> hits. One untimed warm-up pass, then `repeat` timed passes."""
    import statistics
    import time
    for q in queries:
        search(q)
    per_class = {}
    cpu_class = {}
    hit_counts = {}
    prefix1, prefix1_cpu = [], []
    for _ in range(repeat):
        for q in queries:
            c0 = time.thread_time_ns()
            t0 = time.perf_counter_ns()
            hits = search(q)
            elapsed = (time.perf_counter_ns() - t0) / 1e6
            cpu = (time.thread_time_ns() - c0) / 1e6
            per_class.setdefault(q["class"], []).append(elapsed)
            cpu_class.setdefault(q["class"], []).append(cpu)
            hit_counts.setdefault(q["class"], []).append(len(hits))
            if q["class"] == "typing" and len(q["q"]) == 1:
                prefix1.append(elapsed)
                prefix1_cpu.append(cpu)

    def summary(samples, cpu):
        # Wall time, and this thread's CPU time (what the work cost without the scheduler's waits).
        return {"median_ms": statistics.median(samples), "p99_ms": percentile(samples, 99),
                "max_ms": max(samples), "samples": len(samples),
                "cpu_median_ms": statistics.median(cpu), "cpu_p99_ms": percentile(cpu, 99)}

    report = {}
    for cls, samples in per_class.items():
        report[cls] = summary(samples, cpu_class[cls])
        report[cls]["empty"] = sum(1 for c in hit_counts[cls] if c == 0) // repeat
        report[cls]["queries"] = len(samples) // repeat
    if prefix1:
        report["typing_1char"] = summary(prefix1, prefix1_cpu)
        report["typing_1char"]["queries"] = len(prefix1) // repeat
    return report


def emit(report, out):
    from pathlib import Path
    text = json.dumps(report, indent=1, ensure_ascii=False)
    if out:
        Path(out).parent.mkdir(parents=True, exist_ok=True)
        Path(out).write_text(text + "\n")
    else:
        print(text)


def python_baseline(runs):
    """How long the interpreter alone takes to start and exit, for reading cold starts."""
    return cold_start([sys.executable, "-c", "pass"], runs)


def load_queries(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["queries"]
