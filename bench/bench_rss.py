#!/usr/bin/python3
"""Benchmark 4, peak RSS of mps-server while receiving a 5 MiB, 50 MiB and 500 MiB document
through REST (POST /api/v1/jobs), streamed from disk (target: independent of size).

For every document a fresh mps-server (--max-document-mb 600) is started, a user logs in and
one 2 KiB PDF is uploaded (so Argon2id's 19 MiB, Poppler and the thumbnail code are already
paid for), then the peak RSS is reset (`echo 5 > /proc/PID/clear_refs`) and the document is
streamed from disk with Content-Length (Python http.client, 1 MiB writes; --chunked-500 adds a
run of the largest document with Transfer-Encoding: chunked). Afterwards VmHWM is the peak
during the upload and its ingest (encryption, Poppler page count, thumbnail); VmRSS is also
sampled every 50 ms. The VmHWM since process start (which includes the login) is reported too.

Two document layouts (bench/mkpdf.py, uncompressed 8-bit grey images, checked with pdfinfo):
  pages:     1 MiB image per page (5, 50, 500 pages): the size grows with the page count;
  one-image: one page with a single image of the whole size (the thumbnail decodes it all).
"""
import argparse
import json
import math
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import (DOCS, MiB, LoadMeter, RssSampler, load_snapshot, log, machine_info, md_table,  # noqa: E402
                    mkpdf, mps_add_user, mps_login, peers, proc_status, save, snapshot_build)


def make_doc(layout, size_text):
    size = mkpdf.parse_size(size_text)
    path = os.path.join(DOCS, f"rss-{layout}-{size_text}.pdf")
    if layout == "pages":
        pages = mkpdf.ensure_pdf(path, size, page_bytes=MiB)
    else:
        width = max(1024, 2 ** round(math.log2(math.sqrt(size))))
        pages = mkpdf.ensure_pdf(path, size, page_bytes=None, width=width)
    return path, size, pages


def file_chunks(path, chunk=MiB):
    with open(path, "rb") as f:
        while True:
            data = f.read(chunk)
            if not data:
                return
            yield data


def one_upload(build_dir, path, size, chunked):
    server = peers.MpsServer(build_dir, extra_args=("--max-document-mb", "600"))
    try:
        mps_add_user(server, "bench")
        api = mps_login(server.port, "bench")
        tiny = os.path.join(DOCS, "tiny-2KiB.pdf")
        mkpdf.ensure_pdf(tiny, 2048)
        with open(tiny, "rb") as f:
            status, body, _ = api.request("POST", "/api/v1/jobs?name=warmup.pdf", f.read(),
                                          {"Content-Type": "application/pdf"})
        if status != 201:
            raise RuntimeError(f"warm-up upload: HTTP {status} {body[:200]}")
        time.sleep(0.5)
        before = proc_status(server.pid)
        with open(f"/proc/{server.pid}/clear_refs", "w") as f:
            f.write("5")  # reset VmHWM to the current RSS
        reset = proc_status(server.pid)
        sampler = RssSampler(server.pid, 0.05)
        sampler.start()
        meter = LoadMeter({"server": server.pid})
        name = os.path.basename(path)
        t0 = time.perf_counter()
        if chunked:
            status, body, _ = api.request("POST", f"/api/v1/jobs?name={name}", file_chunks(path),
                                          {"Content-Type": "application/pdf",
                                           "Transfer-Encoding": "chunked"}, encode_chunked=True)
        else:
            with open(path, "rb") as f:
                status, body, _ = api.request("POST", f"/api/v1/jobs?name={name}", f,
                                              {"Content-Type": "application/pdf",
                                               "Content-Length": str(size)})
        seconds = time.perf_counter() - t0
        load = meter.stop()
        sampled_max = sampler.stop()
        after = proc_status(server.pid)
        if status != 201:
            raise RuntimeError(f"upload of {path}: HTTP {status} {body[:300]}")
        job = json.loads(body)["job"]
        api.close()
        return {"http_status": status, "seconds": round(seconds, 2), "mb_per_s": round(size / seconds / 1e6, 1),
                "job_pages": job["pages"], "job_size": job["size"],
                "rss_before_kb": reset["VmRSS"], "hwm_from_start_before_kb": before["VmHWM"],
                "peak_during_upload_kb": after["VmHWM"], "sampled_max_rss_kb": sampled_max,
                "rss_after_kb": after["VmRSS"], "growth_kb": after["VmHWM"] - reset["VmRSS"],
                "hwm_from_start_kb": max(before["VmHWM"], after["VmHWM"]), "threads": after["Threads"],
                "server_cpu_s": load["proc_cpu_s"]["server"], "load": load}
    finally:
        server.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="5MiB,50MiB,500MiB")
    ap.add_argument("--layouts", default="pages,one-image")
    ap.add_argument("--chunked-500", action=argparse.BooleanOptionalAction, default=True,
                    help="also upload the largest pages document with chunked transfer encoding")
    ap.add_argument("--out", default="rss")
    a = ap.parse_args()
    sizes = [s.strip() for s in a.sizes.split(",") if s.strip()]
    layouts = [s.strip() for s in a.layouts.split(",") if s.strip()]

    build_dir, info_build = snapshot_build()
    info = machine_info()
    info.update(info_build)
    info["load_before"] = load_snapshot()
    results = []
    plan = [(layout, s, False) for layout in layouts for s in sizes]
    if a.chunked_500 and "pages" in layouts:
        plan.append(("pages", sizes[-1], True))
    for layout, size_text, chunked in plan:
        path, size, pages = make_doc(layout, size_text)
        r = one_upload(build_dir, path, size, chunked)
        r.update({"layout": layout, "size": size_text, "bytes": size, "pages": pages,
                  "transfer": "chunked" if chunked else "content-length"})
        if r["job_pages"] != pages or r["job_size"] != size:
            raise RuntimeError(f"server stored {r['job_pages']} pages / {r['job_size']} bytes, "
                               f"expected {pages} / {size}")
        results.append(r)
        log(f"{layout:9s} {size_text:7s} {r['transfer']:14s}: {r['seconds']} s ({r['mb_per_s']} MB/s), "
            f"RSS before {r['rss_before_kb'] / 1024:.1f} MiB, peak during upload "
            f"{r['peak_during_upload_kb'] / 1024:.1f} MiB (+{r['growth_kb'] / 1024:.1f}), "
            f"VmHWM since start {r['hwm_from_start_kb'] / 1024:.1f} MiB, server CPU {r['server_cpu_s']} s")
    info["load_after"] = load_snapshot()
    save(a.out, {"machine": info, "results": results})
    rows = [[r["layout"], r["size"], r["pages"], r["transfer"], r["seconds"], r["mb_per_s"],
             f"{r['rss_before_kb'] / 1024:.1f}", f"{r['peak_during_upload_kb'] / 1024:.1f}",
             f"{r['growth_kb'] / 1024:.1f}", f"{r['hwm_from_start_kb'] / 1024:.1f}"] for r in results]
    print(md_table(["layout", "size", "pages", "transfer", "upload s", "MB/s", "RSS before MiB",
                    "peak during upload MiB", "growth MiB", "VmHWM since start MiB"], rows))


if __name__ == "__main__":
    main()
