#!/usr/bin/python3
"""Benchmark 5, conversion: how long a 10-page DOCX takes from upload to held job, through
mps-server's LibreOffice converter (server/convert), against soffice run by hand on the same file.

The DOCX is made here (tests/fixtures/office_samples.py: flat ODT with 10 pages of Korean and
English text, one paragraph block per page, converted to DOCX by LibreOffice). One mps-server is
started; the document is uploaded --runs times one after the other over REST (POST /api/v1/jobs);
each must answer 201 with a held job of 10 pages. The time per upload is request sent -> response
read, i.e. spool encryption + detection + a fresh LibreOffice (new profile every time) + PDF
inspection. Then --parallel uploads are sent at once to see the [convert] parallel limit at work
(wall time for all). For reference, `soffice --headless --convert-to pdf` of the same file with a
fresh profile is timed --runs times. Median, min and max are reported.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import (PASSWORD, log, machine_info, md_table, mps_add_user, mps_login, peers,  # noqa: E402
                    save, snapshot_build)

import office_samples  # noqa: E402  (tests/fixtures, put on sys.path by common)

PAGES = 10


def make_docx(directory):
    lines = [f"{n}쪽: 민원 처리 결과 보고서 본문입니다. Page {n} of the report. " * 12 for n in range(1, PAGES + 1)]
    fodt = os.path.join(directory, "report10.fodt")
    with open(fodt, "w", encoding="utf-8") as f:
        f.write(office_samples.flat_text(lines))
    return office_samples.soffice_convert(fodt, "docx", directory)


def stats(seconds):
    return {"median_ms": round(statistics.median(seconds) * 1000), "min_ms": round(min(seconds) * 1000),
            "max_ms": round(max(seconds) * 1000), "n": len(seconds)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--parallel", type=int, default=4)
    ap.add_argument("--out", default="convert")
    args = ap.parse_args()

    build_dir, binary = snapshot_build()
    work = tempfile.mkdtemp(prefix="bench-convert-")
    try:
        docx = make_docx(work)
        with open(docx, "rb") as f:
            data = f.read()
        log(f"{os.path.basename(docx)}: {len(data)} bytes")

        # soffice by hand, fresh profile each time (as the server does)
        by_hand = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            office_samples.soffice_convert(docx, "pdf", work)
            by_hand.append(time.perf_counter() - t0)
        log("soffice by hand:", stats(by_hand))

        with peers.MpsServer(build_dir=build_dir) as server:
            mps_add_user(server, "bench")
            api = mps_login(server.port, "bench", PASSWORD)
            sequential = []
            for i in range(args.runs):
                status, body, dt = api.request("POST", f"/api/v1/jobs?name=report-{i}.docx", data,
                                               {"Content-Type": "application/octet-stream"})
                if status != 201:
                    raise RuntimeError(f"upload {i}: HTTP {status} {body[:300]}")
                if b'"pages":%d' % PAGES not in body.replace(b" ", b""):
                    raise RuntimeError(f"upload {i}: not {PAGES} pages: {body[:300]}")
                sequential.append(dt)
            log("upload -> held (sequential):", stats(sequential))

            results = [None] * args.parallel

            def one(k):
                h = mps_login(server.port, "bench", PASSWORD)
                status, body, dt = h.request("POST", f"/api/v1/jobs?name=par-{k}.docx", data,
                                             {"Content-Type": "application/octet-stream"})
                results[k] = (status, dt)
            threads = [threading.Thread(target=one, args=(k,)) for k in range(args.parallel)]
            t0 = time.perf_counter()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            wall = time.perf_counter() - t0
            if any(r is None or r[0] != 201 for r in results):
                raise RuntimeError(f"parallel uploads: {results}")
            log(f"{args.parallel} at once: wall {wall:.2f}s, each", stats([r[1] for r in results]))

        out = {"machine": machine_info(), "binary": binary, "docx_bytes": len(data), "pages": PAGES,
               "soffice_by_hand": stats(by_hand), "upload_to_held": stats(sequential),
               "parallel": {"clients": args.parallel, "wall_ms": round(wall * 1000),
                            "each": stats([r[1] for r in results])}}
        save(args.out, out)
        print(md_table(["what", "median ms", "min", "max", "n"],
                       [["soffice --convert-to pdf by hand"] + list(stats(by_hand).values()),
                        ["upload -> held job (mps-server)"] + list(stats(sequential).values()),
                        [f"{args.parallel} uploads at once, each"] + list(stats([r[1] for r in results]).values())]))
    finally:
        shutil.rmtree(work, True)


if __name__ == "__main__":
    main()
