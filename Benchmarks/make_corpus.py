#!/usr/bin/env python3
"""Builds the search benchmark corpus as a Pamphlet content folder.

Sources (real text nobody on the project wrote, shipped by Debian):
  * python3.11-doc: /usr/share/doc/python3.11/html/_sources/**/*.rst.txt (one document per file)
  * debian-reference-en: the plain-text Debian Reference (one document per chapter)

Every heading becomes a `##` section. The text is made safe CommonMark: reST roles, links and
markup are reduced to their text, directives to their text (code directives and `::` literal
blocks become fenced code), and every character CommonMark would read as markup is
backslash-escaped, so the loader's plain text equals the text written to `sections.jsonl`
(the sidecar the Python reference engines index).

Usage: make_corpus.py [--out DIR] [--scale N]
  --scale 4 writes every document 4 times with distinct ids (`<id>`, `<id>-r2`, ... `<id>-r4`).
Deterministic: same packages in, same bytes out.
"""
import argparse
import gzip
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

PY_SOURCES = Path("/usr/share/doc/python3.11/html/_sources")
DEBREF_DEFAULT = Path("/usr/share/debian-reference/debian-reference.en.txt.gz")


# --------------------------------------------------------------------------------------------
# Elements: a section body is a list of ("p", text) paragraphs and ("code", text) code blocks.
# --------------------------------------------------------------------------------------------

class Doc:
    def __init__(self, doc_id, source, title):
        self.id = doc_id
        self.source = source
        self.title = title
        self.intro = []          # elements before the first section
        self.sections = []       # (heading, elements)


# ---- inline reST -> plain text ---------------------------------------------------------------

ROLE = re.compile(r":((?:[\w.+-]+:)*[\w.+-]+):`((?:[^`\\]|\\.)*)`")
LINK_WITH_TARGET = re.compile(r"`([^`<]+?)\s*<[^`>]*>`__?")
LINK_PLAIN = re.compile(r"`([^`]+)`__?(?!\w)")
LITERAL = re.compile(r"``(.+?)``")
DEFAULT_ROLE = re.compile(r"`([^`]+)`")
STRONG = re.compile(r"(?<![\w*\\])\*\*(\S(?:.*?\S)?)\*\*(?![\w*])")
EMPH = re.compile(r"(?<![\w*\\])\*(\S(?:[^*]*?\S)?)\*(?![\w*])")
FOOTREF = re.compile(r"\s?\[(?:#[\w-]*|\d+|\*)\]_")
SUBST_REF = re.compile(r"\|([\w -]+)\|_?")


def role_text(m):
    name, text = m.group(1), m.group(2)
    text = text.replace("\\`", "`")
    explicit = re.match(r"^(.*?)\s*<([^<>]*)>$", text, re.S)
    if explicit and explicit.group(1):
        text = explicit.group(1)
    elif explicit:
        text = explicit.group(2)
    text = text.lstrip("!")
    if text.startswith("~"):
        text = text[1:].rsplit(".", 1)[-1]
    if name == "pep":
        return "PEP " + text
    if name == "rfc":
        return "RFC " + text
    return text


def inline_rst(line):
    line = ROLE.sub(role_text, line)
    line = LITERAL.sub(lambda m: m.group(1), line)
    line = LINK_WITH_TARGET.sub(lambda m: m.group(1), line)
    line = LINK_PLAIN.sub(lambda m: m.group(1), line)
    line = DEFAULT_ROLE.sub(lambda m: m.group(1), line)
    line = STRONG.sub(lambda m: m.group(1), line)
    line = EMPH.sub(lambda m: m.group(1), line)
    line = FOOTREF.sub("", line)
    line = SUBST_REF.sub(lambda m: m.group(1), line)
    line = re.sub(r"\\(.)", r"\1", line)   # reST backslash escapes
    line = line.replace("\\", "")          # a lone trailing backslash
    return line


# ---- plain text -> CommonMark that reads back as the same plain text --------------------------

MD_SPECIAL = re.compile(r"([\\`*_\[\]<>&!|#~{}])")
LINE_START_LIST = re.compile(r"^(\d{1,9})([.)])")


def md_escape_line(text):
    out = MD_SPECIAL.sub(r"\\\1", text)
    if out[:1] in ("-", "+", "=", ":"):
        out = "\\" + out                    # list markers, setext underlines, thematic breaks
    out = LINE_START_LIST.sub(r"\1\\\2", out)  # "1. foo" is not an ordered list
    return out


def render_markdown(elements):
    parts = []
    for kind, text in elements:
        if kind == "p":
            lines = [md_escape_line(l) for l in text.split("\n")]
            parts.append("\n".join(lines))
        else:
            longest = max((len(r) for r in re.findall(r"`+", text)), default=0)
            fence = "`" * max(3, longest + 1)
            parts.append(f"{fence}\n{text}\n{fence}")
    return "\n\n".join(parts)


def plain_text(elements):
    # Soft line breaks read as spaces; blocks are separated by a newline.
    return "\n".join(text.replace("\n", " ") if kind == "p" else text for kind, text in elements)


# ---- reST block structure ------------------------------------------------------------------

DIRECTIVE = re.compile(r"^(\s*)\.\.\s+([\w:.-]+)::\s*(.*)$")
OPTION = re.compile(r"^\s*:[\w -]+:(\s.*)?$")
PUNCT_LINE = re.compile(r"""^[-=+~^*#:.`'"_|]{2,}( +[-=+~^*#:.`'"_|]{2,})*$""")

DROP = {
    "index", "toctree", "highlight", "module", "moduleauthor", "sectionauthor", "currentmodule",
    "tabularcolumns", "include", "literalinclude", "image", "figure", "raw", "contents",
    "testsetup", "testcleanup", "program", "miscnews", "limited-api-list", "c:namespace",
    "c:namespace-push", "c:namespace-pop", "default-role", "role", "py:currentmodule",
}
CODE = {"code-block", "code", "sourcecode", "doctest", "testcode", "testoutput", "productionlist",
        "parsed-literal"}
LABELS = {
    "note": "Note:", "warning": "Warning:", "seealso": "See also:", "important": "Important:",
    "caution": "Caution:", "tip": "Tip:", "hint": "Hint:", "attention": "Attention:",
    "danger": "Danger:", "error": "Error:", "impl-detail": "CPython implementation detail:",
    "versionadded": "New in version {}.", "versionchanged": "Changed in version {}.",
    "deprecated": "Deprecated since version {}.",
    "deprecated-removed": "Deprecated since version {}.", "availability": "Availability: {}.",
    "audit-event": "Raises an auditing event {}.",
}


def indent_of(line):
    return len(line) - len(line.lstrip(" "))


def dedent(lines):
    real = [l for l in lines if l.strip()]
    if not real:
        return []
    cut = min(indent_of(l) for l in real)
    out = [l[cut:].rstrip() for l in lines]
    while out and not out[-1]:
        out.pop()
    while out and not out[0]:
        out.pop(0)
    return out


def take_block(lines, start, ind):
    """Lines after `start` that are blank or indented deeper than `ind`; returns (block, next)."""
    j = start
    while j < len(lines) and (not lines[j].strip() or indent_of(lines[j]) > ind):
        j += 1
    while j > start and not lines[j - 1].strip():   # trailing blanks belong outside
        j -= 1
    return lines[start:j], j


def parse_rst_body(lines):
    elements = []
    para = []

    def flush():
        if para:
            text = "\n".join(inline_rst(l.strip()) for l in para).strip()
            if text:
                elements.append(("p", text))
            para.clear()

    def code(block_lines):
        body = "\n".join(dedent(block_lines))
        if body.strip():
            elements.append(("code", body))

    i = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        stripped = line.strip()
        ind = indent_of(line)
        if not stripped:
            flush()
            i += 1
            continue
        m = DIRECTIVE.match(line)
        if m:
            flush()
            name, arg = m.group(2), m.group(3).strip()
            block, j = take_block(lines, i + 1, ind)
            k = 0
            while k < len(block) and block[k].strip() and OPTION.match(block[k]):
                k += 1
            content = block[k:]
            if name in DROP:
                pass
            elif name in CODE:
                if name == "productionlist" and arg:
                    content = [" " * (ind + 3) + arg] + content
                code(content)
            else:
                label = LABELS.get(name)
                if label is not None:
                    head = label.format(arg) if "{}" in label else (label + (" " + arg if arg else ""))
                else:
                    head = arg
                if head:
                    elements.append(("p", inline_rst(head)))
                elements.extend(parse_rst_body(dedent(content)))
            i = j
            continue
        if stripped.startswith(".."):
            # Comment, hyperlink target, substitution definition or footnote.
            flush()
            block, j = take_block(lines, i + 1, ind)
            note = re.match(r"^\.\.\s+\[([^\]]+)\]\s*(.*)$", stripped)
            if note:
                para.append(note.group(2))
                para.extend(dedent(block))
                flush()
            i = j
            continue
        if stripped.startswith(">>>") and not para:
            block = []
            while i < n and lines[i].strip():
                block.append(lines[i])
                i += 1
            code(block)
            continue
        if PUNCT_LINE.match(stripped) and len(stripped) >= 4:
            i += 1   # transitions and table borders
            continue
        if stripped.endswith("::"):
            if stripped == "::":
                pass
            elif stripped.endswith(" ::"):
                para.append(line.rstrip()[:-3])
            else:
                para.append(line.rstrip()[:-1])
            para_ind = indent_of(para[0]) if para else ind
            flush()
            j = i + 1
            while j < n and not lines[j].strip():
                j += 1
            if j < n and indent_of(lines[j]) > para_ind:
                block, j = take_block(lines, j, para_ind)
                code(block)
            i = j
            continue
        para.append(line)
        i += 1
    flush()
    return elements


def is_run(line):
    s = line.rstrip()
    return len(s) >= 2 and re.fullmatch(r"([-=~^*+#\"`':._])\1+", s) is not None


def rst_headings(lines):
    """Yields (title_line_index, first_line, next_line) of each reST section heading."""
    i = 0
    n = len(lines)
    while i < n - 1:
        cur, nxt = lines[i], lines[i + 1]
        if is_run(cur) and i + 2 < n and lines[i + 1].strip() and is_run(lines[i + 2]) \
                and lines[i + 2].rstrip() == cur.rstrip():
            yield i + 1, i, i + 3
            i += 3
            continue
        if cur.strip() and not cur.startswith(" ") and is_run(nxt) and not is_run(cur) \
                and len(nxt.rstrip()) >= len(cur.rstrip()) - 2 \
                and not cur.startswith((">>>", "..")) \
                and (i == 0 or not lines[i - 1].strip()):
            yield i, i, i + 2
            i += 2
            continue
        i += 1


def clean_heading(text):
    text = inline_rst(text.strip())
    return re.sub(r"\s+", " ", text).strip()


def slug_id(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def python_docs():
    files = sorted(p for p in PY_SOURCES.rglob("*.rst.txt"))
    if not files:
        sys.exit(f"make_corpus: no reST sources under {PY_SOURCES} (install python3.11-doc)")
    docs = []
    for path in files:
        rel = path.relative_to(PY_SOURCES).as_posix()[: -len(".rst.txt")]
        lines = path.read_text(encoding="utf-8", errors="replace").expandtabs(8).split("\n")
        heads = list(rst_headings(lines))
        doc = Doc("py-" + slug_id(rel), "python", rel)
        if not heads:
            doc.intro = parse_rst_body(lines)
            docs.append(doc)
            continue
        doc.title = clean_heading(lines[heads[0][0]]) or rel
        pre = lines[: heads[0][1]]
        for idx, (title_i, first, after) in enumerate(heads):
            end = heads[idx + 1][1] if idx + 1 < len(heads) else len(lines)
            body = parse_rst_body(lines[after:end])
            if idx == 0:
                doc.intro = parse_rst_body(pre) + body
            else:
                doc.sections.append((clean_heading(lines[title_i]) or "Section", body))
        docs.append(doc)
    return docs


# ---- Debian Reference (plain text) ---------------------------------------------------------

def debref_path():
    try:
        listed = subprocess.run(["dpkg", "-L", "debian-reference-en"], capture_output=True, text=True,
                                check=True).stdout.split()
        for name in listed:
            if re.search(r"debian-reference\.en\.txt(\.gz)?$", name):
                return Path(name)
    except (OSError, subprocess.CalledProcessError):
        pass
    return DEBREF_DEFAULT


DEBREF_HEAD = re.compile(r"^(Chapter \d+\.|Appendix [A-Z]\.|\d+(?:\.\d+)*\.|[A-Z](?:\.\d+)+\.) (\S.*)$")


def debref_docs():
    path = debref_path()
    if not path.exists():
        sys.exit(f"make_corpus: {path} not found (install debian-reference-en)")
    raw = gzip.open(path, "rt", encoding="utf-8").read() if path.suffix == ".gz" \
        else path.read_text(encoding="utf-8")
    lines = [l.replace("\u00a0", " ").rstrip() for l in raw.split("\n")]
    # The body starts at the second "Preface" line (the first is in the table of contents).
    prefaces = [i for i, l in enumerate(lines) if l == "Preface"]
    if len(prefaces) < 2:
        sys.exit(f"make_corpus: unexpected layout in {path}")
    lines = lines[prefaces[1]:]
    docs = []
    doc = Doc("debref-preface", "debian-reference", "Preface")
    heading = None
    body = []

    def close():
        elements = plain_paragraphs(body)
        if heading is None:
            doc.intro = elements
        else:
            doc.sections.append((heading, elements))

    for line in lines[1:]:
        m = DEBREF_HEAD.match(line)
        if m and not line.startswith(" "):
            close()
            body = []
            label = m.group(1)
            if label.startswith(("Chapter", "Appendix")):
                docs.append(doc)
                number = label.split()[1].rstrip(".")
                doc = Doc("debref-" + ("ch%02d" % int(number) if number.isdigit() else "ap" + number.lower()),
                          "debian-reference", m.group(2).strip())
                heading = None
            else:
                heading = f"{label} {m.group(2).strip()}"
            continue
        body.append(line)
    close()
    docs.append(doc)
    return docs


def plain_paragraphs(lines):
    elements = []
    para = []
    for line in lines + [""]:
        s = line.strip()
        if not s or PUNCT_LINE.match(s):
            if para:
                elements.append(("p", "\n".join(para)))
                para = []
            continue
        para.append(s)
    return elements


# ---- output ----------------------------------------------------------------------------------

def yaml_str(text):
    return json.dumps(text, ensure_ascii=False)   # a JSON string is a YAML double-quoted scalar


def write_corpus(docs, out, scale):
    if out.exists():
        shutil.rmtree(out)
    (out / "content").mkdir(parents=True)
    (out / "site.yaml").write_text(
        'name: "Benchmark corpus"\n'
        'tagline: "Python 3.11 documentation and the Debian Reference, split at their headings"\n',
        encoding="utf-8")
    total = 0
    sections = 0
    with open(out / "sections.jsonl", "w", encoding="utf-8") as side:
        for copy in range(1, scale + 1):
            suffix = "" if copy == 1 else f"-r{copy}"
            for doc in docs:
                doc_id = doc.id + suffix
                folder = out / "content" / (doc.source + suffix)
                folder.mkdir(exist_ok=True)
                parts = [f"---\nid: {doc_id}\nkind: article\ntitle: {yaml_str(doc.title)}\n---"]
                if doc.intro:
                    parts.append(render_markdown(doc.intro))
                for heading, elements in doc.sections:
                    parts.append("## " + md_escape_line(heading))
                    if elements:
                        parts.append(render_markdown(elements))
                text = "\n\n".join(parts) + "\n"
                (folder / f"{doc_id}.md").write_bytes(text.encode("utf-8"))
                total += len(text.encode("utf-8"))
                rows = [("", doc.intro)] if doc.intro else []
                rows += doc.sections
                for heading, elements in rows:
                    side.write(json.dumps({"doc": doc_id, "title": doc.title, "heading": heading,
                                           "body": plain_text(elements)}, ensure_ascii=False) + "\n")
                sections += len(doc.sections)
    return total, sections


def main():
    here = Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scale", type=int, default=1, help="write the corpus N times with distinct ids")
    ap.add_argument("--out", type=Path, help="output folder (default Benchmarks/corpus, or corpus-xN)")
    args = ap.parse_args()
    out = args.out or (here / ("corpus" if args.scale == 1 else f"corpus-x{args.scale}"))
    docs = python_docs() + debref_docs()
    total, sections = write_corpus(docs, out, max(1, args.scale))
    stats = {"documents": len(docs) * args.scale, "sections": sections, "markdown_bytes": total}
    (out / "corpus.json").write_text(json.dumps(stats, indent=1) + "\n")
    print(f"make_corpus: {out}: {stats['documents']} documents, {sections} sections, "
          f"{total / 1e6:.1f} MB of Markdown")


if __name__ == "__main__":
    main()
