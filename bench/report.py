#!/usr/bin/python3
"""Turn bench/results/{ingest,release,list,rss}.json into Markdown tables (for
docs/benchmarks.md). Missing results are skipped.

    report.py [--suffix -quick] [--results DIR]
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import RESULTS, md_table  # noqa: E402


def load(results, name):
    path = os.path.join(results, f"{name}.json")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        return json.load(f)


def machine_line(m):
    return (f"{m['date']}, mps-server sha256 {m.get('server_sha256', '?')} built {m.get('built', '?')} "
            f"(HEAD {m.get('head_when_copied', m['commit'])}); {m['nproc']} × {m['cpu']}, {m['ram_gib']} GiB RAM, "
            f"Linux {m['kernel']}, CUPS {m['cups']}; load average before {m['load_before']['loadavg'][0]:.2f}")


def ingest(d):
    out = [f"Run: {machine_line(d['machine'])}", ""]
    rows = []
    for e in d["results"]:
        m, c = e["mps"], e["cupsd"]
        mr, cr = m["median_run"], c["median_run"]
        rows.append([e["size"], e["clients"], e["jobs"],
                     f"{m['jobs_per_s_median']:.1f} ({m['jobs_per_s_min']:.1f}–{m['jobs_per_s_max']:.1f})",
                     f"{mr['mb_per_s']:.0f}",
                     f"{c['jobs_per_s_median']:.1f} ({c['jobs_per_s_min']:.1f}–{c['jobs_per_s_max']:.1f})",
                     f"{cr['mb_per_s']:.0f}", f"**{e['ratio_mps_over_cupsd']:.2f}**",
                     f"{mr['server_cpu_ms_per_job']:.1f} / {cr['server_cpu_ms_per_job']:.1f}",
                     f"{mr['load']['others_pct']:.0f}% / {cr['load']['others_pct']:.0f}%"])
    out.append(md_table(["document", "P", "jobs per run", "mps jobs/s (min–max)", "mps MB/s",
                         "cupsd jobs/s (min–max)", "cupsd MB/s", "mps / cupsd",
                         "server CPU ms/job mps / cupsd", "other load mps / cupsd run"], rows))
    return "\n".join(out)


def release(d):
    out = [f"Run: {machine_line(d['machine'])}; machine busy {d['load']['machine_busy_pct']}% during the "
           f"runs, of which other sessions ~{d['load']['others_pct']}%", ""]
    rows = []
    for name, r in d["results"].items():
        fb, co, rc = r["first_byte"], r["complete"], r["response"]
        rows.append([name, fb["n"], f"**{fb['p50']:.1f}**", f"**{fb['p95']:.1f}**", f"{fb['min']:.1f}–{fb['max']:.1f}",
                     f"{co['p50']:.1f}", f"{co['p95']:.1f}", f"{rc['p50']:.1f}"])
    out.append(md_table(["target", "runs", "first byte p50 ms", "first byte p95 ms", "min–max ms",
                         "complete p50 ms", "complete p95 ms", "release call p50 ms"], rows))
    return "\n".join(out)


def list_(d):
    p = d["populate"]
    out = [f"Run: {machine_line(d['machine'])}", ""]
    if p.get("reused"):
        out.append("(store reused from an earlier run)")
    out.append(f"Store: {p['jobs']} held jobs of {p['users']} users ({p['doc_bytes']} B PDF each); "
               f"{d['store']['spool_files']} spool entries, spool {d['store']['spool_bytes'] / 1e6:.0f} MB, "
               f"data directory {d['store']['data_dir_bytes'] / 1e6:.0f} MB.")
    out.append(f"Populating: users added in {p['users_add_s']} s; ingest {p['single_client']['jobs_per_s']} jobs/s "
               f"with 1 client, {p['parallel']['jobs_per_s']} jobs/s with {p['parallel']['clients']} clients "
               f"({p['parallel']['jobs']} jobs in {p['parallel']['s']:.0f} s; machine busy "
               f"{p['parallel']['load']['machine_busy_pct']}%, other sessions ~{p['parallel']['load']['others_pct']}%).")
    out.append("")
    rows = []
    for phase, ms in (("running since populate", d["latency"]), ("fresh after restart", d["latency_after_restart"])):
        for m in ms:
            rows.append([phase, m["user"], m["jobs_in_response"], m["response_bytes"], m["n"], m["p50"], m["p90"],
                         f"**{m['p99']}**", m["max"], f"{m['load']['others_pct']:.0f}%"])
    out.append(md_table(["server", "user", "jobs listed", "response bytes", "requests", "p50 ms", "p90 ms",
                         "p99 ms", "max ms", "other load"], rows))
    mem, fresh = d["memory_after_populate"], d["memory_fresh"]
    after = d.get("memory_fresh_after_requests", fresh)
    out.append("")
    out.append(f"Server memory with {p['jobs']} held jobs: VmRSS {mem['VmRSS'] / 1024:.1f} MiB after populating "
               f"(VmHWM {mem['VmHWM'] / 1024:.1f} MiB, RssAnon {mem['RssAnon'] / 1024:.1f} MiB); after a restart "
               f"{fresh['VmRSS'] / 1024:.1f} MiB (RssAnon {fresh['RssAnon'] / 1024:.1f} MiB), "
               f"{after['VmRSS'] / 1024:.1f} MiB after the 2 × {d['latency'][0]['n']} list requests. "
               f"Restart (start-up with reconcile) took {d['restart_s']} s.")
    return "\n".join(out)


def rss(d):
    out = [f"Run: {machine_line(d['machine'])}", ""]
    rows = []
    for r in d["results"]:
        rows.append([r["layout"], r["size"], r["pages"], r["transfer"], f"{r['seconds']:.2f}", f"{r['mb_per_s']:.0f}",
                     f"{r['rss_before_kb'] / 1024:.1f}", f"**{r['peak_during_upload_kb'] / 1024:.1f}**",
                     f"{r['growth_kb'] / 1024:+.1f}", f"{r['sampled_max_rss_kb'] / 1024:.1f}",
                     f"{r['hwm_from_start_kb'] / 1024:.1f}"])
    out.append(md_table(["layout", "document", "pages", "transfer", "upload s", "MB/s", "RSS before MiB",
                         "peak RSS during upload MiB", "growth MiB", "max sampled RSS MiB",
                         "VmHWM since start MiB"], rows))
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--suffix", default="")
    ap.add_argument("--results", default=RESULTS)
    a = ap.parse_args()
    parts = []
    for title, name, fn in (("Ingest", "ingest", ingest), ("Release latency", "release", release),
                            ("My-jobs list with 100k held jobs", "list", list_),
                            ("Peak RSS while receiving a document", "rss", rss)):
        d = load(a.results, name + a.suffix)
        if d:
            parts.append(f"### {title}\n\n{fn(d)}\n")
    print("\n".join(parts))


if __name__ == "__main__":
    main()
