#!/usr/bin/python3
"""One person's costly uploads at once against everyone else's ordinary ones (issue 14), on loopback.

A fresh mps-server with two users. kim sends N PDFs at once, each on its own connection: an 18 MB page
holding an array of 3 million integers, which qpdf would hold at ~790 MB and which the server reads
under its budget (256 MiB, 10 s: AllocationBudget) before refusing it, a few seconds each. Meanwhile lee
uploads a one-page PDF every 0.5 s. Reported: lee's upload latency (median, p99, max) while kim's are in
flight, kim's answers (422 refused for its cost, 429 too-many-uploads past max-uploads-per-user) and
how long they took, and the server's peak RSS.

Usage: MPS_BUILD_DIR=build bench/bench_uploads.py [--uploads 12] [--limit N] [--label NAME]
(--limit sets max-uploads-per-user; leave it out for a server that does not know the key.)
"""
import argparse
import os
import tempfile
import threading
import time

import sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import (Http, log, machine_info, md_table, mps_add_user, mps_login, peers,  # noqa: E402
                    percentile, proc_status, save, snapshot_build)


def pdf(objects):
    """A PDF of `objects` (object 1 the catalog), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def costly():
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Foo [" + b"12345 " * 3_000_000 + b"] >>"])


def ordinary():
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                b"<< /Length 35 >>\nstream\nBT /F1 12 Tf 72 720 Td (Hi) Tj ET\nendstream"])


def upload(port, token, data, name):
    h = Http("127.0.0.1", port, token=token)
    try:
        status, _, seconds = h.request("POST", f"/api/v1/jobs?name={name}", data, {"Content-Type": "application/pdf"})
    finally:
        h.close()
    return status, seconds


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--uploads", type=int, default=12)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--label", default="run")
    args = ap.parse_args()
    build_dir, binary = snapshot_build()
    extra = []
    tmp = tempfile.mkdtemp(prefix="bench-uploads-")
    if args.limit is not None:
        ini = os.path.join(tmp, "server.ini")
        with open(ini, "w") as f:
            f.write(f"max-uploads-per-user={args.limit}\n")
        extra = ["--config", ini]
    server = peers.MpsServer(build_dir=build_dir, extra_args=extra)
    try:
        for name in ("kim", "lee"):
            mps_add_user(server, name)
        kim, lee = mps_login(server.port, "kim"), mps_login(server.port, "lee")
        heavy, light = costly(), ordinary()
        upload(server.port, lee.token, light, "warm.pdf")
        before = proc_status(server.pid)
        answers = []

        def attack(i):
            answers.append(upload(server.port, kim.token, heavy, f"costly{i}.pdf"))
        threads = [threading.Thread(target=attack, args=(i,)) for i in range(args.uploads)]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        time.sleep(0.5)
        lee_runs = []
        while any(t.is_alive() for t in threads):
            lee_runs.append(upload(server.port, lee.token, light, "lee.pdf"))
            time.sleep(0.5)
        for t in threads:
            t.join()
        took = time.perf_counter() - t0
        after = proc_status(server.pid)
        secs = [s for _, s in lee_runs]
        result = {
            "label": args.label, "limit": args.limit, "uploads": args.uploads,
            "kim_statuses": sorted(s for s, _ in answers), "kim_seconds": round(took, 1),
            "kim_slowest_answer_s": round(max(s for _, s in answers), 1),
            "lee_uploads": len(lee_runs), "lee_statuses": sorted({s for s, _ in lee_runs}),
            "lee_ms": {"median": round(percentile(secs, 50) * 1000), "p99": round(percentile(secs, 99) * 1000),
                       "max": round(max(secs) * 1000)},
            "rss_before_mb": before["VmRSS"] // 1024, "peak_mb": after["VmHWM"] // 1024,
        }
    finally:
        server.close()
    save(f"uploads-{args.label}", {"machine": machine_info(), "binary": binary, "result": result})
    r = result
    print(md_table(["server", "kim's answers", "all answered in", "lee: uploads, median / p99 / max", "peak RSS"],
                   [[args.label, " ".join(str(s) for s in r["kim_statuses"]), f"{r['kim_seconds']} s",
                     f"{r['lee_uploads']}, {r['lee_ms']['median']} / {r['lee_ms']['p99']} / {r['lee_ms']['max']} ms",
                     f"{r['peak_mb']} MB"]]))
    log("done")


if __name__ == "__main__":
    main()
