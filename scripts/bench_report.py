#!/usr/bin/env python3
"""Measure demarche against TABARI and against itself; print the results as Markdown.

usage: bench_report.py DEMARCHE OUTDIR --dense D.jsonl --general G.jsonl --dict10x DIR [--pairs N]
                       [--startup-runs K]

Every comparison is made of interleaved pairs (A, B, A, B, ...; one warm-up pair first), and the
ratio is the median of the pair-by-pair ratios, so that neighbouring runs share the machine load:
  * demarche -j 1 / TABARI 0.8.4b2 on both corpora, with the kit in ../shared/anchors/tabari
    (its bench.sh: TABARI with its five CAMEO dictionaries, demarche with the bundled ones);
  * demarche -j 2 / -j 1 and 10x dictionaries / bundled, on the event-dense corpus;
  * start-up: one short document on stdin, the whole process, median of K runs.
Wall times come from a monotonic clock around each child, peak RSS from GNU time (the kit's
benchrun.py). Output files and per-run figures stay in OUTDIR.
"""
import hashlib
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KIT = os.path.join(os.path.dirname(ROOT), "shared", "anchors", "tabari")
SHORT_DOC = '{"id": "startup", "date": "2006-11-30", "text": "Israeli troops attacked Palestinian militants in Gaza on Tuesday."}\n'


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def load_runs(path, skip):
    return [json.loads(line) for line in open(path)][skip:]


def cpu(run):
    return run["user_s"] + run["sys_s"]


def pair_ratios(base, other, measure=lambda r: r["wall_s"]):
    """Pair-by-pair throughput ratios other/base (time of base / time of other): median, min, max."""
    ratios = [measure(b) / measure(o) for b, o in zip(base, other)]
    return statistics.median(ratios), min(ratios), max(ratios)


def against_tabari(demarche, corpus, outdir, pairs):
    subprocess.run([os.path.join(KIT, "bench.sh"), "-n", str(pairs), "-w", "1", "-o", outdir, corpus, "--",
                    demarche, "code", "-q", "-j", "1"], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    dm = load_runs(os.path.join(outdir, "demarche.runs.jsonl"), 1)
    stats = [json.load(open(os.path.join(outdir, f"tabari.{i}.stats.json"))) for i in range(2, 2 + len(dm))]
    tab = [s["tabari"] for s in stats]
    return {"kit_sentences": stats[0]["records"], "tabari_events": stats[0]["events"],
            "tabari_wall": statistics.median(t["wall_s"] for t in tab),
            "tabari_cpu": statistics.median(cpu(t) for t in tab),
            "tabari_rss": max(t["maxrss_kb"] for t in tab) / 1024,
            "ratio": pair_ratios(tab, dm), "cpu_ratio": pair_ratios(tab, dm, cpu), **summarise(dm)}


def summarise(runs):
    return {"wall": statistics.median(r["wall_s"] for r in runs), "cpu": statistics.median(cpu(r) for r in runs),
            "rss": max(r["maxrss_kb"] for r in runs) / 1024,
            "events": runs[0]["lines"], "n": len(runs)}


def interleaved(cmd_a, cmd_b, outdir, pairs):
    """Runs A and B in turn (1 warm-up pair + `pairs`); returns (A figures, B figures, ratio B/A)."""
    os.makedirs(outdir, exist_ok=True)
    for name in ("a", "b"):
        if os.path.exists(os.path.join(outdir, f"{name}.runs.jsonl")):
            os.remove(os.path.join(outdir, f"{name}.runs.jsonl"))
    for _ in range(pairs + 1):
        for name, cmd in (("a", cmd_a), ("b", cmd_b)):
            subprocess.run([sys.executable, os.path.join(KIT, "benchrun.py"), "run",
                            os.path.join(outdir, f"{name}.runs.jsonl"), os.path.join(outdir, f"{name}.out"), "--",
                            *cmd], check=True, stdout=subprocess.DEVNULL)
    a, b = (load_runs(os.path.join(outdir, f"{n}.runs.jsonl"), 1) for n in ("a", "b"))
    return summarise(a), summarise(b), pair_ratios(a, b)


def startup(cmd, runs):
    """Median and minimum wall, and median CPU time (user + system), in ms."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.monotonic()
        subprocess.run(cmd, input=SHORT_DOC, text=True, check=True, stdout=subprocess.DEVNULL)
        walls.append(time.monotonic() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(walls) * 1000, min(walls) * 1000, statistics.median(cpus) * 1000


def demarche_sentences(demarche, corpus):
    err = subprocess.run([demarche, "code", corpus, "-j", "2"], check=True, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True).stderr
    return int(re.search(r"(\d+) sentences", err).group(1))


def corpus_row(label, corpus, r, sentences):
    mb = os.path.getsize(corpus) / 1e6
    med, lo, hi = r["ratio"]
    cpu_med = r["cpu_ratio"][0]
    return (f"| {label} | {sentences:,} | {mb:.1f} | {sentences / r['wall']:,.0f} | {sentences / r['cpu']:,.0f} | "
            f"{mb / r['wall']:.2f} | {r['events'] / r['wall']:,.0f} | {r['rss']:.0f} | "
            f"{r['kit_sentences'] / r['tabari_wall']:,.0f} | {r['kit_sentences'] / r['tabari_cpu']:,.0f} | "
            f"{r['tabari_rss']:.1f} | **{med:.2f}** ({lo:.2f}–{hi:.2f}) | {cpu_med:.2f} |")


def measure(demarche, outdir, dense, general, big, pairs, k):
    """Runs every comparison; returns the figures keyed by name."""
    m = {name: against_tabari(demarche, path, os.path.join(outdir, f"tabari-{name}"), pairs)
         for name, path in (("dense", dense), ("general", general))}
    one = [demarche, "code", dense, "-q", "-j", "1"]
    m["j1"], m["j2"], m["speedup"] = interleaved(one, one[:-1] + ["2"], os.path.join(outdir, "j2"), pairs)
    _, m["d10"], m["slow"] = interleaved(one, one + ["--dict", big], os.path.join(outdir, "dict10x"), pairs)
    m["s_bundled"] = startup([demarche, "code", "-", "-q", "-j", "1"], k)
    m["s_big"] = startup([demarche, "code", "-", "-q", "-j", "1", "--dict", big], k)
    return m


def print_corpus_table(m, demarche, dense, general, pairs):
    print("| corpus | sentences | MB | sentences/s (1 core) | per CPU-second | MB/s | events/s | peak RSS MiB | "
          "TABARI sentences/s | per CPU-second | TABARI RSS MiB | demarche / TABARI, wall (median, min–max) | by CPU time |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    print(corpus_row("event-dense", dense, m["dense"], demarche_sentences(demarche, dense)))
    print(corpus_row("general news", general, m["general"], demarche_sentences(demarche, general)))
    print()
    print(f"- ratios from {pairs} interleaved pairs after one warm-up pair; TABARI = the TABARI process "
          f"(dictionary loading included), demarche = the whole `demarche code -q -j 1` command; 'by CPU time' divides "
          f"user+system seconds instead of wall (less sensitive to other load on the machine)")


def print_other_figures(m, k):
    j1, j2, speedup, d10, slow = m["j1"], m["j2"], m["speedup"], m["d10"], m["slow"]
    s_bundled, s_big = m["s_bundled"], m["s_big"]
    print(f"- 2 threads vs 1 (event-dense, `-j 2` / `-j 1`): speed-up **{speedup[0]:.2f}×** "
          f"({speedup[1]:.2f}–{speedup[2]:.2f}); {j1['wall']:.2f} s vs {j2['wall']:.2f} s (CPU {j1['cpu']:.2f} s vs {j2['cpu']:.2f} s), "
          f"peak RSS {j2['rss']:.0f} MiB")
    print(f"- 10× dictionaries (event-dense): time **{1 / slow[0]:.2f}×** the bundled ({1 / slow[2]:.2f}–"
          f"{1 / slow[1]:.2f}); {d10['wall']:.2f} s vs {j1['wall']:.2f} s (CPU {d10['cpu']:.2f} s vs {j1['cpu']:.2f} s), "
          f"peak RSS {d10['rss']:.0f} MiB")
    print(f"- start-up (one short document on stdin, whole process, median of {k}): bundled "
          f"**{s_bundled[0]:.0f} ms** (min {s_bundled[1]:.0f}; CPU {s_bundled[2]:.0f} ms, both threads), "
          f"10× dictionaries {s_big[0]:.0f} ms (min {s_big[1]:.0f}; CPU {s_big[2]:.0f} ms)")


def print_fingerprints(outdir, dense, general):
    for name, path, sub in (("event-dense", dense, "tabari-dense"), ("general news", general, "tabari-general")):
        out = os.path.join(outdir, sub, "demarche.out")
        print(f"- {name}: corpus sha256 `{sha256(path)[:16]}`, demarche output sha256 `{sha256(out)[:16]}` "
              f"(equal before and after a change that must not alter the output)")


def main(argv):
    demarche, outdir = argv[0], argv[1]
    opts = dict(zip(argv[2::2], argv[3::2]))
    pairs, k = int(opts.get("--pairs", 9)), int(opts.get("--startup-runs", 21))
    dense, general, big = opts["--dense"], opts["--general"], opts["--dict10x"]
    print(f"load before: {open('/proc/loadavg').read().split()[0]} ({os.cpu_count()} cores)")
    m = measure(demarche, outdir, dense, general, big, pairs, k)
    print(f"load after: {open('/proc/loadavg').read().split()[0]}")
    print()
    print_corpus_table(m, demarche, dense, general, pairs)
    print_other_figures(m, k)
    print_fingerprints(outdir, dense, general)
    print(f"- figures and outputs: {outdir}")


if __name__ == "__main__":
    main(sys.argv[1:])
