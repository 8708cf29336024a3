"""Joins two sets of BenchmarkDotNet reports (before, after) by class, method and parameters into one markdown table.

Medians come from the full JSON reports (nanoseconds); which benchmark is its group's baseline comes from the CSV
report, where BenchmarkDotNet gives the baseline a Ratio and an Alloc Ratio of exactly 1.00.
"""
import csv, glob, json, os, sys

def load(folder):
    rows = {}
    for path in sorted(glob.glob(os.path.join(folder, "*-report-full-compressed.json"))):
        with open(path, encoding="utf-8") as f:
            for b in json.load(f)["Benchmarks"]:
                if b.get("Statistics"):
                    rows[(b["Type"], b["Method"], b["Parameters"])] = {"median": b["Statistics"]["Median"], "group": None, "baseline": False}
        csv_path = path.replace("-report-full-compressed.json", "-report.csv")
        if not os.path.exists(csv_path):
            continue
        type_name = os.path.basename(path).split("-report")[0].split(".")[-1]
        with open(csv_path, encoding="utf-8") as f:
            reader = csv.DictReader(f)
            for r in reader:
                for key, row in rows.items():
                    parameters = [p.split("=", 1) for p in key[2].split(", ") if "=" in p]
                    if key[0] == type_name and key[1] == r["Method"] and all(r.get(name) == value for name, value in parameters):
                        row["group"] = (type_name, r.get("Categories", ""), key[2])
                        row["baseline"] = r.get("Ratio") == "1.00" and r.get("Alloc Ratio", "1.00") in ("1.00", "?")
    # A shape's LINQ scan is its baseline where the methods follow the Shape_Linq / Shape_Catalog naming;
    # otherwise the CSV's flag decides.
    for key, row in rows.items():
        if key[1].endswith("_Linq"):
            row["baseline"] = True
    baselines = {}
    for key, row in rows.items():
        if row["baseline"]:
            baselines[(key[0], key[1].rsplit("_", 1)[0], key[2])] = row["median"]
    for key, row in rows.items():
        base = baselines.get((key[0], key[1].rsplit("_", 1)[0], key[2]))
        row["speedup"] = base / row["median"] if base and not row["baseline"] else None
    return rows


def fmt_time(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:,.2f} {unit}"
    return f"{ns:,.1f} ns"


before, after = load(sys.argv[1]), load(sys.argv[2])
print("| benchmark | parameters | before, median | after, median | change | × baseline, before | × baseline, after |")
print("|---|---|---:|---:|---:|---:|---:|")
for key in sorted(set(before) | set(after)):
    b, a = before.get(key), after.get(key)
    change = f"{(a['median'] / b['median'] - 1) * 100:+.1f} %" if a and b else "new" if a else "gone"
    sb = f"{b['speedup']:,.1f}" if b and b["speedup"] else ("baseline" if b and b["baseline"] else "")
    sa = f"{a['speedup']:,.1f}" if a and a["speedup"] else ("baseline" if a and a["baseline"] else "")
    print(f"| {key[0]}.{key[1]} | {key[2]} | {fmt_time(b['median']) if b else ''} | {fmt_time(a['median']) if a else ''} | {change} | {sb} | {sa} |")
