#!/usr/bin/python3
"""Benchmark 1, ingest: jobs/s and MB/s of IPP Print-Job into mps-server vs a cupsd hold queue.

For each document size and client count P, a fresh mps-server and a fresh throwaway cupsd are
started side by side (same machine, same run, same document). P ipptool processes start at once,
each running one test file (a Get-Jobs, see AUTH_PREFIX, then N/P copies of CUPS's
print-job.test) over one connection; the wall time from starting the first client to the last
one exiting gives jobs/s and MB/s (document bytes, MB = 10^6 bytes). Every Print-Job must return
successful-ok with a job-id, and after each run all N jobs must be held (mps: GET /api/v1/jobs;
cupsd: lpstat -o); then that server's jobs are deleted (mps: DELETE /api/v1/jobs/{id}; cupsd:
cancel -a -x), so every run starts from an empty store.

  mps-server: ipp://bench:PASSWORD@127.0.0.1:PORT/ipp/print, plain HTTP on loopback, Basic auth
              (verified once with Argon2id, then cached), document encrypted to the spool.
  cupsd:      raw queue, `lpadmin -p hold -v file:///dev/null -m raw -o job-hold-until-default=indefinite`,
              no auth, LogLevel warn (production default), MaxJobs 0, ipp://127.0.0.1:PORT/printers/hold.

Each (size, P) runs --rounds times, alternating which server goes first, each run after a
sync(2) so that no run pays for an earlier run's page-cache writeback; the round with the median
rate is reported, with min and max. CPU seconds of each server per run come from /proc/PID/stat;
the share of the machine used by other sessions during the run is recorded too.
"""
import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import (DOCS, MiB, PASSWORD, LoadMeter, load_snapshot, log, machine_info,  # noqa: E402
                    proc_cpu_seconds,
                    md_table, mkpdf, mps_add_user, mps_login, peers, save, snapshot_build)

PRINT_JOB_TEST = "/usr/share/cups/ipptool/print-job.test"

# Sent first on every client connection, to both servers. mps-server answers an unauthenticated
# Print-Job with "100 Continue", then 401 and a close without reading the body: a libcups client
# whose document does not fit in the socket buffers (> ~4 MiB on loopback) never sees the 401
# and resends forever (see docs/benchmarks.md). A small request that needs authentication
# first makes libcups keep the Basic credentials for the connection's later requests.
AUTH_PREFIX = """{
  NAME "Get-Jobs (authenticates the connection)"
  OPERATION Get-Jobs
  GROUP operation-attributes-tag
  ATTR charset attributes-charset utf-8
  ATTR language attributes-natural-language en
  ATTR uri printer-uri $uri
  ATTR name requesting-user-name $user
  ATTR boolean my-jobs true
  ATTR keyword requested-attributes job-id
  STATUS successful-ok
}
"""


def make_test_file(copies, directory):
    with open(PRINT_JOB_TEST) as f:
        block = f.read()
    path = os.path.join(directory, f"print-job-x{copies}.test")
    with open(path, "w") as f:
        f.write(AUTH_PREFIX + block * copies)
    return path


def run_clients(uri, doc, clients, per_client, tmpdir, meter_pids):
    """P ipptool processes at once; returns (wall seconds, load info with the clients' CPU seconds)."""
    test = make_test_file(per_client, tmpdir)
    argv = ["ipptool", "-t", "-V", "2.0", "-T", "300", "-f", doc, uri, test]
    # Start every run with no dirty page-cache backlog from the previous one (cupsd leaves its
    # spool files to writeback; mps-server fsyncs each job): otherwise later rounds pay for the
    # earlier rounds' writes.
    os.sync()
    meter = LoadMeter(meter_pids)
    # The clients are this script's only children reaped during the run: their CPU (user + system,
    # including the kernel's side of their sends) is what the machine spends besides the server.
    children0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    procs = [subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(clients)]
    deadline = time.monotonic() + 900
    outs = []
    for p in procs:
        try:
            outs.append(p.communicate(timeout=max(1, deadline - time.monotonic())))
        except subprocess.TimeoutExpired:
            for q in procs:
                q.kill()
            raise RuntimeError(f"ipptool to {uri} did not finish within 15 min: {argv}")
    wall = time.perf_counter() - t0
    load = meter.stop()
    children1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    load["clients_cpu_s"] = (children1.ru_utime - children0.ru_utime) + (children1.ru_stime - children0.ru_stime)
    for p, (out, err) in zip(procs, outs):
        passed = out.count("[PASS]") - 1  # minus the Get-Jobs prefix
        if p.returncode != 0 or passed != per_client:
            raise RuntimeError(f"ipptool to {uri} failed: rc={p.returncode}, {passed}/{per_client} passed\n"
                               f"{out[-2000:]}\n{err[-2000:]}")
    return wall, load


class Targets:
    """A fresh mps-server and a fresh cupsd hold queue."""

    def __init__(self, build_dir, cupsd_sync=False):
        self.mps = peers.MpsServer(build_dir)
        mps_add_user(self.mps, "bench")
        self.mps_uri = f"ipp://bench:{PASSWORD}@127.0.0.1:{self.mps.port}/ipp/print"
        self.cupsd = peers.Cupsd(loglevel="warn", extra_conf="MaxJobs 0\n",
                                 extra_files_conf="FileDevice Yes\n" + ("SyncOnClose Yes\n" if cupsd_sync else ""))
        self.cupsd.add_queue("hold", "file:///dev/null", ["-o", "job-hold-until-default=indefinite"],
                             model="raw")
        self.cups_uri = f"ipp://127.0.0.1:{self.cupsd.port}/printers/hold"

    def uri(self, name):
        return self.mps_uri if name == "mps" else self.cups_uri

    def pids(self, name):
        return {"server": self.mps.pid if name == "mps" else self.cupsd.proc.pid}

    def held(self, name):
        """Number of held jobs on one server."""
        if name == "mps":
            api = mps_login(self.mps.port, "bench")
            status, body = api.json("GET", "/api/v1/jobs")
            api.close()
            if status != 200:
                raise RuntimeError(f"GET /api/v1/jobs: HTTP {status} {body}")
            return sum(1 for j in body["jobs"] if j["state"] == "held")
        out = subprocess.run(["lpstat", "-o", "hold"], env=self.cupsd.env(), stdout=subprocess.PIPE,
                             text=True, check=True).stdout
        return len([line for line in out.splitlines() if line.strip()])

    def wait_thumbnails(self, n, timeout=600):
        """mps-server renders thumbnails after it acknowledges jobs (issue 14 §4): wait until every
        held job's thumbnail is ready, so that this work is counted for mps and not left running
        during the next server's round. Returns the seconds waited."""
        t0 = time.perf_counter()
        api = mps_login(self.mps.port, "bench")
        try:
            status, body = api.json("GET", "/api/v1/jobs")
            ids = sorted(j["id"] for j in body["jobs"] if j["state"] == "held")
            if len(ids) != n:
                raise RuntimeError(f"mps: {len(ids)} jobs held, expected {n}")
            # One worker renders them oldest first: wait for the newest, then check all.
            for job_id in ids[-1:] + ids:
                while True:
                    st, _, _ = api.request("GET", f"/api/v1/jobs/{job_id}/thumbnail")
                    if st == 200:
                        break
                    if st != 202 or time.perf_counter() - t0 > timeout:
                        raise RuntimeError(f"thumbnail of job {job_id}: HTTP {st}")
                    time.sleep(0.005)
        finally:
            api.close()
        return time.perf_counter() - t0

    def purge(self, name):
        """Delete every held job (and its spool file) of one server, so that each run starts
        from an empty store and the page cache of the deleted files is reused."""
        if name == "mps":
            api = mps_login(self.mps.port, "bench")
            status, body = api.json("GET", "/api/v1/jobs")
            for job in body["jobs"]:
                st, _ = api.json("DELETE", f"/api/v1/jobs/{job['id']}")
                if st != 200:
                    raise RuntimeError(f"DELETE job {job['id']}: HTTP {st}")
            api.close()
        else:
            subprocess.run(["cancel", "-a", "-x", "hold"], env=self.cupsd.env(), check=True,
                           stdout=subprocess.DEVNULL)
        peers._wait_until(lambda: self.held(name) == 0, 30, 0.1, f"{name} purged")

    def close(self):
        self.mps.close()
        self.cupsd.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1MiB,50MiB")
    ap.add_argument("--clients", default="1,4")
    ap.add_argument("--jobs", default="1MiB=160,50MiB=16",
                    help="total jobs per run for each size (split over the clients)")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--out", default="ingest")
    ap.add_argument("--cupsd-sync-on-close", action="store_true",
                    help="cupsd with SyncOnClose Yes (it fsyncs each job's control file, as MPS flushes each "
                         "job's row); by default cupsd flushes nothing")
    a = ap.parse_args()
    sizes = [s.strip() for s in a.sizes.split(",") if s.strip()]
    clients = [int(c) for c in a.clients.split(",")]
    jobs = dict(kv.split("=") for kv in a.jobs.split(","))

    build_dir, info_build = snapshot_build()
    info = machine_info()
    info.update(info_build)
    info["load_before"] = load_snapshot()
    info["cupsd_sync_on_close"] = a.cupsd_sync_on_close
    results = []
    tmpdir = tempfile.mkdtemp(prefix="ingest-tests-", dir=os.environ["MPS_PEER_TMP"])
    for size_text in sizes:
        size = mkpdf.parse_size(size_text)
        doc = os.path.join(DOCS, f"ingest-{size_text}.pdf")
        pages = mkpdf.ensure_pdf(doc, size, page_bytes=MiB)
        log(f"document {doc}: {size} bytes, {pages} page(s) (pdfinfo)")
        total = int(jobs.get(size_text, 16))
        for p in clients:
            per_client = max(1, total // p)
            n = per_client * p
            targets = Targets(build_dir, a.cupsd_sync_on_close)
            try:
                for name in ("cupsd", "mps"):  # warm-up: connection paths, page cache, Poppler
                    run_clients(targets.uri(name), doc, 1, 2, tmpdir, targets.pids(name))
                    targets.purge(name)
                runs = {"mps": [], "cupsd": []}
                for r in range(a.rounds):
                    order = ("cupsd", "mps") if r % 2 == 0 else ("mps", "cupsd")
                    for name in order:
                        server_pid = targets.pids(name)["server"]
                        cpu0 = proc_cpu_seconds(server_pid) or 0.0
                        wall, load = run_clients(targets.uri(name), doc, p, per_client, tmpdir,
                                                 targets.pids(name))
                        # Jobs are acknowledged before mps renders their thumbnails: the rate is
                        # the acknowledgement rate; the time and CPU until every thumbnail is
                        # rendered are recorded beside it (cupsd renders nothing).
                        drain = targets.wait_thumbnails(n) if name == "mps" else 0.0
                        cpu_all = (proc_cpu_seconds(server_pid) or 0.0) - cpu0
                        held = targets.held(name)
                        if held != n:
                            raise RuntimeError(f"{name}: {held} jobs held after the run, expected {n}")
                        targets.purge(name)
                        run = {"wall_s": round(wall, 3), "jobs_per_s": round(n / wall, 2),
                               "mb_per_s": round(n * size / wall / 1e6, 1), "load": load,
                               "server_cpu_ms_per_job": round(1000 * load["proc_cpu_s"]["server"] / n, 2),
                               "clients_cpu_ms_per_job": round(1000 * load["clients_cpu_s"] / n, 2),
                               "thumbnails_after_s": round(drain, 3),
                               "jobs_per_s_incl_thumbnails": round(n / (wall + drain), 2),
                               "server_cpu_ms_per_job_incl_thumbnails": round(1000 * cpu_all / n, 2)}
                        runs[name].append(run)
                        log(f"{size_text} P={p} {name:5s} round {r + 1}: {n} jobs in {wall:.2f} s = "
                            f"{run['jobs_per_s']} jobs/s, {run['mb_per_s']} MB/s, thumbnails done "
                            f"{drain:.2f} s later, server CPU "
                            f"{load['proc_cpu_s']['server']:.2f} s, clients CPU {load['clients_cpu_s']:.2f} s, machine busy {load['machine_busy_pct']}% "
                            f"(others ~{load['others_pct']}%{', ' + ', '.join(load['other_top']) if load['other_top'] else ''})")
            finally:
                targets.close()
            entry = {"size": size_text, "bytes": size, "pages": pages, "clients": p, "jobs": n,
                     "rounds": a.rounds}
            for name, rs in runs.items():
                rates = [x["jobs_per_s"] for x in rs]
                med = sorted(rs, key=lambda x: x["jobs_per_s"])[len(rs) // 2]
                entry[name] = {"median_run": med, "jobs_per_s_min": min(rates), "jobs_per_s_max": max(rates),
                               "jobs_per_s_median": statistics.median(rates), "runs": rs}
            entry["ratio_mps_over_cupsd"] = round(entry["mps"]["jobs_per_s_median"]
                                                  / entry["cupsd"]["jobs_per_s_median"], 3)
            results.append(entry)
    info["load_after"] = load_snapshot()
    save(a.out, {"machine": info, "results": results})

    rows = []
    for e in results:
        m, c = e["mps"], e["cupsd"]
        rows.append([e["size"], e["clients"], e["jobs"],
                     f"{m['jobs_per_s_median']:.1f} ({m['jobs_per_s_min']:.1f}–{m['jobs_per_s_max']:.1f})",
                     m["median_run"]["mb_per_s"],
                     f"{c['jobs_per_s_median']:.1f} ({c['jobs_per_s_min']:.1f}–{c['jobs_per_s_max']:.1f})",
                     c["median_run"]["mb_per_s"], f"{e['ratio_mps_over_cupsd']:.2f}",
                     m["median_run"]["server_cpu_ms_per_job"], c["median_run"]["server_cpu_ms_per_job"],
                     m["median_run"]["clients_cpu_ms_per_job"], c["median_run"]["clients_cpu_ms_per_job"],
                     m["median_run"]["thumbnails_after_s"], m["median_run"]["jobs_per_s_incl_thumbnails"],
                     m["median_run"]["server_cpu_ms_per_job_incl_thumbnails"]])
    print(md_table(["size", "P", "jobs/run", "mps jobs/s (min–max)", "mps MB/s", "cupsd jobs/s (min–max)",
                    "cupsd MB/s", "mps/cupsd", "mps CPU ms/job", "cupsd CPU ms/job",
                    "clients CPU ms/job (mps)", "clients CPU ms/job (cupsd)",
                    "mps thumbnails done after (s)", "mps jobs/s incl. thumbnails",
                    "mps CPU ms/job incl. thumbnails"], rows))


if __name__ == "__main__":
    main()
