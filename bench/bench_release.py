#!/usr/bin/python3
"""Benchmark 2, release latency: release call -> first byte of the document at an ippeveprinter.

mps:   a held job (1 MiB PDF uploaded with POST /api/v1/jobs) released with
       POST /api/v1/jobs/{id}/release {"printer": "mfp"} on a keep-alive connection.
cups:  a held job on a throwaway cupsd queue pointing at an ippeveprinter
       (`lpadmin -m everywhere -o job-hold-until-default=indefinite`, submitted with `lp`),
       released with an IPP Release-Job request on a keep-alive connection to cupsd (what
       `lp -i Q-ID -H resume` sends, without lp's process start-up).
cups-raw: the same with a raw queue (`-m raw`: no pdftopdf filter, the PDF goes as is, as mps
       sends it).

Arrival is seen through inotify on the printer's spool directory (ippeveprinter -k keeps each
document as <job-id>-<name>.<ext>): IN_MODIFY = the first document bytes the printer wrote
after reading them off its socket ("first byte"), IN_CLOSE_WRITE = the whole document is in.
Times are from just before the release request is written (time.perf_counter in this process,
the same clock as the inotify thread). Each target has its own ippeveprinter; runs alternate
between targets, and each run waits until the job is complete everywhere (printer idle) before
the next. The first --warmup runs per target are not counted.
"""
import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import (DOCS, IPP_RELEASE_JOB, TAG_INTEGER, TAG_NAME, TAG_URI, MiB, Http,  # noqa: E402
                    LoadMeter, SpoolWatcher, ipp_request, ipp_status, load_snapshot, log, machine_info,
                    md_table, mkpdf, mps_add_user, mps_login, peers, save, snapshot_build, summary_ms)


def wait_until(pred, timeout, interval, what):
    deadline = time.monotonic() + timeout
    while True:
        v = pred()
        if v:
            return v
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        time.sleep(interval)


class MpsTarget:
    name = "mps"

    def __init__(self, build_dir, doc, count):
        self.printer = peers.IppEvePrinter("bench-mps-mfp")
        self.server = peers.MpsServer(build_dir)
        mps_add_user(self.server, "bench")
        self.server.admin("printer", "add", "mfp", "--uri", self.printer.uri)
        self.api = mps_login(self.server.port, "bench")
        with open(doc, "rb") as f:
            data = f.read()
        self.jobs = []
        for i in range(count):
            status, body, _ = self.api.request("POST", f"/api/v1/jobs?name=release-{i}.pdf", data,
                                               {"Content-Type": "application/pdf"})
            if status != 201:
                raise RuntimeError(f"upload: HTTP {status} {body[:300]}")
            self.jobs.append(json.loads(body)["job"]["id"])
        self.watcher = SpoolWatcher(self.printer.spool_dir)
        self.pids = {"server": self.server.pid, "printer": self.printer.proc.pid}

    def release(self, job):
        status, body, _ = self.api.request("POST", f"/api/v1/jobs/{job}/release", {"printer": "mfp"})
        if status != 202:
            raise RuntimeError(f"release {job}: HTTP {status} {body[:300]}")

    def wait_done(self, job):
        def printed():
            status, body = self.api.json("GET", f"/api/v1/jobs/{job}")
            if status == 200 and body["job"]["state"] in ("printed",):
                return True
            if status == 200 and body["job"]["state"] == "held":
                raise RuntimeError(f"job {job} came back held: {body['job'].get('stateReason')}")
            return False
        wait_until(printed, 60, 0.05, f"mps job {job} printed")

    def close(self):
        self.watcher.close()
        self.api.close()
        self.server.close()
        self.printer.close()


class CupsTarget:
    def __init__(self, cupsd, queue, model, doc, count, name):
        self.name = name
        self.cupsd = cupsd
        self.queue = queue
        self.printer = peers.IppEvePrinter(f"bench-{name}-mfp")
        # Cupsd.add_queue reads error_log, which cupsd creates only when it first logs
        # something (not at once with LogLevel warn).
        open(cupsd.error_log_path, "a").close()
        cupsd.add_queue(queue, self.printer.uri, ["-o", "job-hold-until-default=indefinite"], model=model)
        self.jobs = [cupsd.lp(queue, doc) for _ in range(count)]
        for job in self.jobs:
            state = cupsd.job_state(job)
            if state != "pending-held":
                raise RuntimeError(f"cupsd job {job} is {state}, not pending-held")
        self.http = Http("127.0.0.1", cupsd.port)
        self.printer_uri = f"ipp://localhost:{cupsd.port}/printers/{queue}"
        self.watcher = SpoolWatcher(self.printer.spool_dir)
        self.pids = {"server": cupsd.proc.pid, "printer": self.printer.proc.pid}
        self.request_id = 1

    def release(self, job):
        self.request_id += 1
        body = ipp_request(IPP_RELEASE_JOB, self.request_id,
                           [(TAG_URI, "printer-uri", self.printer_uri), (TAG_INTEGER, "job-id", job),
                            (TAG_NAME, "requesting-user-name", "root")])
        status, resp, _ = self.http.request("POST", f"/printers/{self.queue}", body,
                                            {"Content-Type": "application/ipp"})
        if status != 200 or ipp_status(resp) not in (0, 1):
            raise RuntimeError(f"Release-Job {job}: HTTP {status}, IPP status {ipp_status(resp)}")

    def wait_done(self, job):
        state = self.cupsd.wait_job_done(job, timeout=60)
        if state != "completed":
            raise RuntimeError(f"cupsd job {job} ended {state}")

    def close(self):
        self.watcher.close()
        self.http.close()
        self.printer.close()


def one_run(target, job):
    before = target.watcher.known_jobs()
    t0 = time.perf_counter()
    target.release(job)
    t_resp = time.perf_counter()
    pjob, created, first, closed = target.watcher.wait_new(before, timeout=60)
    target.wait_done(job)
    # The printer has finished too (its -c command recorded the outcome): it is idle again.
    wait_until(lambda: pjob in target.printer.job_outcomes(), 30, 0.02, f"printer job {pjob} done")
    return {"job": job, "printer_job": pjob, "response": t_resp - t0,
            "created": (created or first) - t0, "first_byte": (first or closed) - t0, "complete": closed - t0}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--size", default="1MiB")
    ap.add_argument("--targets", default="mps,cups,cups-raw")
    ap.add_argument("--pause", type=float, default=0.2, help="seconds between runs")
    ap.add_argument("--out", default="release")
    a = ap.parse_args()
    wanted = [t.strip() for t in a.targets.split(",")]

    build_dir, info_build = snapshot_build()
    info = machine_info()
    info.update(info_build)
    info["load_before"] = load_snapshot()
    size = mkpdf.parse_size(a.size)
    doc = os.path.join(DOCS, f"release-{a.size}.pdf")
    pages = mkpdf.ensure_pdf(doc, size, page_bytes=MiB)
    count = a.runs + a.warmup
    targets, cupsd = [], None
    try:
        if "mps" in wanted:
            targets.append(MpsTarget(build_dir, doc, count))
        if "cups" in wanted or "cups-raw" in wanted:
            cupsd = peers.Cupsd(loglevel="warn", extra_conf="MaxJobs 0\n")
            if "cups" in wanted:
                targets.append(CupsTarget(cupsd, "hold", "everywhere", doc, count, "cups"))
            if "cups-raw" in wanted:
                targets.append(CupsTarget(cupsd, "holdraw", "raw", doc, count, "cups-raw"))
        log(f"{count} held jobs of {size} bytes ({pages} page) on each of {[t.name for t in targets]}")
        runs = {t.name: [] for t in targets}
        meter = LoadMeter({f"{t.name}-{k}": v for t in targets for k, v in t.pids.items()})
        for i in range(count):
            for t in targets:
                r = one_run(t, t.jobs[i])
                r["warmup"] = i < a.warmup
                runs[t.name].append(r)
                log(f"{t.name:8s} run {i + 1:2d}{' (warm-up)' if r['warmup'] else ''}: first byte "
                    f"{r['first_byte'] * 1000:7.1f} ms, complete {r['complete'] * 1000:7.1f} ms, "
                    f"release call {r['response'] * 1000:6.1f} ms")
                time.sleep(a.pause)
        load = meter.stop()
    finally:
        for t in targets:
            t.close()
        if cupsd:
            cupsd.close()
    info["load_after"] = load_snapshot()
    results = {}
    for name, rs in runs.items():
        counted = [r for r in rs if not r["warmup"]]
        results[name] = {k: summary_ms([r[k] for r in counted])
                         for k in ("first_byte", "complete", "response", "created")}
        results[name]["runs"] = rs
    save(a.out, {"machine": info, "document": {"bytes": size, "pages": pages}, "load": load,
                 "results": results})
    rows = []
    for name, r in results.items():
        rows.append([name, r["first_byte"]["n"], r["first_byte"]["p50"], r["first_byte"]["p95"],
                     r["first_byte"]["min"], r["first_byte"]["max"], r["complete"]["p50"], r["complete"]["p95"],
                     r["response"]["p50"]])
    print(md_table(["target", "runs", "first byte p50 ms", "p95 ms", "min", "max", "complete p50 ms",
                    "complete p95 ms", "release call p50 ms"], rows))
    print(f"machine busy {load['machine_busy_pct']}%, others ~{load['others_pct']}%")


if __name__ == "__main__":
    main()
