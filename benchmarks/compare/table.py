"""Joins two sets of BenchmarkDotNet reports (before, after) by class, method and parameters into markdown tables,
one per class.

Usage: table.py BEFORE_RESULTS AFTER_RESULTS [BEFORE_SOURCE AFTER_SOURCE]

Medians come from the full JSON reports (nanoseconds). A benchmark's group (its class, category and parameters,
as BenchmarkDotNet groups them) comes from the CSV report. Its baseline is read from the benchmark sources
(`[Benchmark(Baseline = true ...)]`) when the two source folders are given; otherwise a method named `*_Linq` is
its shape's baseline, and failing that the row whose CSV Ratio and Alloc Ratio are exactly 1.00.
The ratio is a benchmark's median over its group's baseline median in the same run (below 0.1, written 1/N):
the figure that survives a noisy machine.
"""
import csv, glob, json, os, re, sys

BASELINE = re.compile(r"\[Benchmark\(Baseline\s*=\s*true[^\]]*\][^\n]*\n(?:\s*\[[^\n]*\n)*\s*public\s+[^(=]*?\s(\w+)\s*\(")
CLASS = re.compile(r"\bclass\s+(\w+)")


def source_baselines(folder):
    """(class, method) of every [Benchmark(Baseline = true)] under folder."""
    found = set()
    for path in glob.glob(os.path.join(folder, "**", "*.cs"), recursive=True):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        classes = [(m.start(), m.group(1)) for m in CLASS.finditer(text)]
        for m in BASELINE.finditer(text):
            owner = [name for start, name in classes if start < m.start()]
            if owner:
                found.add((owner[-1], m.group(1)))
    return found


def load(folder, baselines_in_source):
    rows = {}
    for path in sorted(glob.glob(os.path.join(folder, "*-report-full-compressed.json"))):
        with open(path, encoding="utf-8") as f:
            report = json.load(f)["Benchmarks"]
        mine = {}
        for b in report:
            if b.get("Statistics"):
                # A class with a job of its own (ColdStart, FreshProcess) runs under that job and the command line's.
                job = b.get("DisplayInfo", "").split(": ", 1)[-1].split("(", 1)[0]
                parameters = ", ".join(p for p in (b["Parameters"], "" if job == "ShortRun" else f"Job={job}") if p)
                key = (b["Type"], b["Method"], parameters)
                mine[key] = rows[key] = {"median": b["Statistics"]["Median"], "title": b.get("MethodTitle", b["Method"]),
                                         "category": "", "csv_baseline": False}
        csv_path = path.replace("-report-full-compressed.json", "-report.csv")
        if os.path.exists(csv_path):
            with open(csv_path, encoding="utf-8") as f:
                for r in csv.DictReader(f):
                    for key, row in mine.items():
                        # BenchmarkDotNet joins several parameters with '&'; the job is added with ', '.
                        pairs = [p.split("=", 1) for p in re.split(r"&|, ", key[2]) if "=" in p]
                        parameters = [p for p in pairs if p[0] != "Job"]
                        job = dict(pairs).get("Job", "ShortRun")
                        if r["Method"] in (key[1], row["title"]) and r.get("Job", job) == job and all(r.get(n) == v for n, v in parameters):
                            row["category"] = r.get("Categories", "") or ""
                            row["csv_baseline"] = r.get("Ratio") == "1.00" and r.get("Alloc Ratio", "1.00") in ("1.00", "?")
    for key, row in rows.items():
        if baselines_in_source is not None:
            row["baseline"] = (key[0], key[1]) in baselines_in_source
        else:
            row["baseline"] = key[1].endswith("_Linq") or row["csv_baseline"]
    base_of = {}
    for key, row in rows.items():
        if row["baseline"]:
            base_of[(key[0], row["category"], key[2])] = row["median"]
    for key, row in rows.items():
        base = base_of.get((key[0], row["category"], key[2]))
        row["ratio"] = row["median"] / base if base and not row["baseline"] else None
    return rows


def fmt_time(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:,.2f} {unit}"
    return f"{ns:,.1f} ns"


def fmt_ratio(row):
    if not row:
        return ""
    if row["baseline"]:
        return "baseline"
    r = row["ratio"]
    if r is None:
        return ""
    return f"{r:,.2f}" if r >= 1 else f"{r:.3f}" if r >= 0.1 else f"1/{1 / r:,.0f}"


def main():
    sources = (source_baselines(sys.argv[3]), source_baselines(sys.argv[4])) if len(sys.argv) >= 5 else (None, None)
    before, after = load(sys.argv[1], sources[0]), load(sys.argv[2], sources[1])
    keys = sorted(set(before) | set(after))
    slower = []
    for type_name in sorted({k[0] for k in keys}):
        print(f"\n#### {type_name}\n")
        print("| benchmark | parameters | before, median | after, median | change | ratio to baseline, before | ratio to baseline, after | ratio, change |")
        print("|---|---|---:|---:|---:|---:|---:|---:|")
        for key in (k for k in keys if k[0] == type_name):
            b, a = before.get(key), after.get(key)
            change = f"{(a['median'] / b['median'] - 1) * 100:+.1f} %" if a and b else "new" if a else "gone"
            ratio_change = ""
            if a and b and a["ratio"] and b["ratio"]:
                moved = a["ratio"] / b["ratio"] - 1
                ratio_change = f"{moved * 100:+.1f} %"
                if moved > 0.10:
                    slower.append(f"{type_name}.{key[1]} ({key[2]}): ratio {fmt_ratio(b)} → {fmt_ratio(a)} ({ratio_change}), median {change}")
            elif a and b and a["baseline"] and b["baseline"] and a["median"] / b["median"] > 1.10:
                slower.append(f"{type_name}.{key[1]} ({key[2]}), a baseline: median {change}")
            title = key[1] if (a or b)["title"] == key[1] else f"{key[1]} ({(a or b)['title']})"
            print(f"| {title} | {key[2]} | {fmt_time(b['median']) if b else ''} | {fmt_time(a['median']) if a else ''} | {change} | {fmt_ratio(b)} | {fmt_ratio(a)} | {ratio_change} |")
    print("\nSlower by more than 10 % in the ratio (or, for a baseline, in the median):\n")
    for line in slower or ["none"]:
        print(f"- {line}")


main()
