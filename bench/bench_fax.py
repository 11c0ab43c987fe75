#!/usr/bin/python3
"""PC-fax benchmark (issue 9 §4): "Send" to the gateway accepting the job, the received-fax hook to
the notification on the desktop, and PDF bytes per received page against the TIFF.

A. Send -> submitted. A real HylaFAX+ (tests/fixtures/hylafax.py HylaFaxInstance: faxq + hfaxd, no
   modem: jobs are accepted and stay queued) and mps-server with [fax] gateway=hylafax pointing at
   it. Per run a 1-page draft is uploaded (not timed), an SSE stream of the sender is open, and the
   clock runs from just before `POST /api/v1/fax/drafts/{id}/send` to the `fax-status` event with
   state `submitted` for that fax (the server's dispatcher got the gateway's JSUBM answer); the 202
   answer is timed too. Afterwards every fax must be at the gateway (a q-file tagged mps-fax-<id>).
B. Hook -> notification. mps-fax-received (the FaxRcvdCmd program, run as uucp like faxgetty runs
   it, with a gateway token and MPS_FAX_GATEWAY_CONF) is started with a fax TIFF and a new COMMID
   for a DID routed to the benchmark user; the clock runs from just before the exec to the
   `fax-received` event on that user's SSE stream (what the tray app notifies on). The hook's own
   run time (exec to exit) is reported too.
C. Size. For fax TIFFs of 1, 2 and 5 pages at fine (204x196) and normal (204x98) resolution, made
   from CUPS's test documents by Ghostscript's tiffg4 device (one strip per page, as faxgetty
   writes; --tiff adds received TIFFs, e.g. kept from a test_fax_e2e run), the inbox PDF is fetched
   after the hook delivered it: PDF bytes per page against TIFF bytes per page.

usage: bench/bench_fax.py [--runs 30] [--hook-runs 20] [--tiff FILE ...] [--out fax]
Needs root (faxq; the hook runs as uucp) and the Debian packages of shared/peers.md (hylafax-server,
hylafax-client, libtiff-tools, ghostscript, poppler-utils). MPS_BUILD_DIR: the build with mps-server,
mps-admin and installer/mps-fax-received.
"""
import argparse
import os
import pwd
import queue
import shutil
import subprocess
import sys
import tempfile
import time
from urllib.parse import quote

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402  (sets MPS_PEER_TMP, imports peers)
from common import log, summary_ms  # noqa: E402
from peers import MpsServer  # noqa: E402

sys.path.insert(0, os.path.join(common.REPO, "tests", "integration"))
import mpsit  # noqa: E402
from test_fax_e2e import gateway_token, tiff_pages, write_hook_config  # noqa: E402

CUPS_DATA = "/usr/share/cups/data"
USER = "faxbench"
DID = "4101"
GATEWAY = "bench-gateway"


def fax_tiff(path, pdfs, fine=True):
    """A fax TIFF (G4, 1728 dots wide, one strip per page) of the pages of `pdfs`."""
    res, height = ("204x196", 2292) if fine else ("204x98", 1146)
    joined = path + ".pdf"
    if len(pdfs) > 1:
        subprocess.run(["pdfunite", *pdfs, joined], check=True)
    else:
        shutil.copy(pdfs[0], joined)
    subprocess.run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=tiffg4", f"-r{res}",
                    f"-g1728x{height}", "-dFIXEDMEDIA", "-dPDFFitPage", "-dMaxStripSize=0",
                    f"-sOutputFile={path}", joined], check=True)
    os.remove(joined)
    os.chmod(path, 0o644)
    return path


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=30, help="sends timed (A)")
    ap.add_argument("--hook-runs", type=int, default=20, help="hook runs timed (B)")
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--tiff", action="append", default=[], help="a received fax TIFF to add to C")
    ap.add_argument("--out", default="fax")
    args = ap.parse_args()
    if os.geteuid() != 0:
        sys.exit("bench_fax.py: needs root (faxq; the hook runs as uucp)")
    from hylafax import HylaFaxInstance  # tests/fixtures/hylafax.py

    build_dir, snapshot = common.snapshot_build()
    hook = os.path.join(common.BUILD_DIR, "installer", "mps-fax-received")
    have_hook = os.access(hook, os.X_OK)
    if not have_hook:
        log(f"{hook} is not built: only A (send) is measured")
    machine = common.machine_info()
    work = tempfile.mkdtemp(prefix="faxbench-", dir=os.environ["MPS_PEER_TMP"])
    os.chmod(work, 0o755)

    gateway = HylaFaxInstance()
    server = MpsServer(build_dir=build_dir, extra_args=[
        "--fax-gateway", "hylafax", "--fax-host", "127.0.0.1", "--fax-port", str(gateway.port),
        "--fax-user", "mps", "--fax-poll-seconds", "1"])
    try:
        common.mps_add_user(server, USER)
        server.admin("fax", "route", "add", "did", DID, "--user", USER)
        api = server.api()
        api.login(USER, common.PASSWORD)
        stream = mpsit.EventStream(server, api.token, timeout=600)
        stream._queue = StampedQueue()  # before anything is sent: only comments have arrived
        stream.connected.wait(10)
        with open(f"{CUPS_DATA}/default-testpage.pdf", "rb") as f:
            page = f.read()

        # -- A. send -> submitted
        log(f"A. send -> submitted at hfaxd: {args.warmup} + {args.runs} runs")
        to_submitted, to_202, fax_ids = [], [], []
        load_a = common.load_snapshot()
        for i in range(args.warmup + args.runs):
            status, body = api.post(f"fax/drafts?name={quote(f'bench-{i}.pdf')}", raw=page,
                                    headers={"Content-Type": "application/pdf"})
            assert status == 201, body
            draft = body["draft"]["id"]
            t0 = time.monotonic()
            status, body = api.post(f"fax/drafts/{draft}/send",
                                    {"recipients": [{"name": "Bench", "number": "02-555-0200"}]})
            t202 = time.monotonic()
            assert status == 202, body
            fax_id = body["faxes"][0]["id"]
            stream.wait_event(lambda e, fid=fax_id: e["event"] == "fax-status"
                              and e["data"]["fax"]["id"] == fid
                              and e["data"]["fax"]["state"] not in ("queued",), 60, f"fax {fax_id} submitted")
            t1 = next(e["t"] for e in stream_times(stream) if e["id"] == fax_id)
            if i >= args.warmup:
                to_submitted.append(t1 - t0)
                to_202.append(t202 - t0)
                fax_ids.append(fax_id)
        tags = {j["tag"] for j in gateway.jobs()}
        missing = [f for f in fax_ids if f"mps-fax-{f}" not in tags]
        assert not missing, f"faxes not at the gateway: {missing}"
        log(f"   submitted: {summary_ms(to_submitted)}")

        to_event, hook_run, sizes, load_b = [], [], [], None
        if not have_hook:
            raise SkipRest()
        # -- B. hook -> fax-received on SSE, and C. sizes
        conf = write_hook_config(os.path.join(work, "hook"), server.base_url, GATEWAY,
                                 gateway_token(server, GATEWAY))
        uucp = pwd.getpwnam("uucp")
        tiffs = {
            "1 page fine": fax_tiff(os.path.join(work, "p1f.tif"), [f"{CUPS_DATA}/default-testpage.pdf"]),
            "2 pages fine": fax_tiff(os.path.join(work, "p2f.tif"),
                                     [f"{CUPS_DATA}/default-testpage.pdf", f"{CUPS_DATA}/standard.pdf"]),
            "5 pages fine": fax_tiff(os.path.join(work, "p5f.tif"),
                                     [f"{CUPS_DATA}/{n}.pdf" for n in ("default-testpage", "standard",
                                                                      "classified", "confidential", "secret")]),
            "1 page normal": fax_tiff(os.path.join(work, "p1n.tif"), [f"{CUPS_DATA}/default-testpage.pdf"],
                                      fine=False),
            "5 pages normal": fax_tiff(os.path.join(work, "p5n.tif"),
                                       [f"{CUPS_DATA}/{n}.pdf" for n in ("default-testpage", "standard",
                                                                        "classified", "confidential", "secret")],
                                       fine=False),
        }
        for extra in args.tiff:
            dest = os.path.join(work, f"received-{len(tiffs)}.tif")
            shutil.copy(extra, dest)
            os.chmod(dest, 0o644)
            tiffs[f"received {os.path.basename(extra)}"] = dest
        commid = [100000000]

        def deliver(tiff):
            commid[0] += 1
            env = dict(os.environ, MPS_FAX_GATEWAY_CONF=conf)
            argv = [hook, tiff, "ttyIAXA", f"{commid[0]:09d}", "", "0255501234", "Bench-Line", DID]
            t0 = time.monotonic()
            proc = subprocess.run(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  preexec_fn=lambda: (os.setgid(uucp.pw_gid), os.setuid(uucp.pw_uid)),
                                  timeout=120)
            t_exit = time.monotonic()
            assert proc.returncode == 0, proc.stdout
            event = stream.wait_event(lambda e: e["event"] == "fax-received"
                                      and e["data"]["fax"]["id"] not in seen, 60, "fax-received")
            seen.add(event["data"]["fax"]["id"])
            t1 = next(e["t"] for e in stream_times(stream, "fax-received")
                      if e["id"] == event["data"]["fax"]["id"])
            return t0, t_exit, t1, event["data"]["fax"]

        seen = set()
        log(f"B. hook -> fax-received: {args.warmup} + {args.hook_runs} runs (1 page fine)")
        to_event, hook_run = [], []
        load_b = common.load_snapshot()
        for i in range(args.warmup + args.hook_runs):
            t0, t_exit, t1, _ = deliver(tiffs["1 page fine"])
            if i >= args.warmup:
                to_event.append(t1 - t0)
                hook_run.append(t_exit - t0)
        log(f"   fax-received: {summary_ms(to_event)}; hook exits after {summary_ms(hook_run)}")

        log("C. PDF bytes per page against the TIFF")
        sizes = []
        for label, tiff in tiffs.items():
            _, _, _, fax = deliver(tiff)
            pages = tiff_pages(tiff)
            status, pdf = get_bytes(api, f"fax/inbox/{fax['id']}/pdf")
            assert status == 200 and pdf.startswith(b"%PDF"), (status, pdf[:64])
            path = os.path.join(work, f"inbox-{fax['id']}.pdf")
            with open(path, "wb") as f:
                f.write(pdf)
            pdf_pages = mpsit.pdf_pages(path)
            assert pdf_pages == pages == fax["pages"], (label, pages, pdf_pages, fax)
            tiff_bytes = os.path.getsize(tiff)
            sizes.append({"tiff": label, "pages": pages, "tiff_bytes": tiff_bytes, "pdf_bytes": len(pdf),
                          "tiff_per_page": round(tiff_bytes / pages), "pdf_per_page": round(len(pdf) / pages),
                          "ratio": round(len(pdf) / tiff_bytes, 3)})
            log(f"   {label}: TIFF {tiff_bytes} B, PDF {len(pdf)} B ({sizes[-1]['ratio']}x), "
                f"{sizes[-1]['pdf_per_page']} B/page")
    except SkipRest:
        pass
    finally:
        server.close()
        gateway.close()
        if not os.environ.get("MPS_KEEP_PEER_DIRS"):
            shutil.rmtree(work, True)

    common.save(args.out, {
        "benchmark": "fax", "machine": machine, "binary": snapshot,
        "send_to_submitted_ms": summary_ms(to_submitted), "send_202_ms": summary_ms(to_202),
        "hook_to_event_ms": summary_ms(to_event) if to_event else "not run (no hook)",
        "hook_exit_ms": summary_ms(hook_run) if hook_run else "not run (no hook)",
        "sizes": sizes, "load_send": load_a, "load_hook": load_b,
        "runs": args.runs, "hook_runs": args.hook_runs,
    })


class SkipRest(Exception):
    """B and C need the hook, which is not built."""


class StampedQueue(queue.Queue):
    """The SSE reader thread's queue, stamping each event with its arrival (time.monotonic())."""

    def put(self, item, *args, **kwargs):
        item["t"] = time.monotonic()
        super().put(item, *args, **kwargs)


def stream_times(stream, kind="fax-status"):
    """Arrival times of the stream's events of `kind` ({"id", "state", "t"}), from the times the
    reader thread stamped (EventStream keeps them in order of arrival)."""
    out = []
    for e in stream.events():
        if e["event"] == kind and isinstance(e["data"], dict):
            fax = e["data"].get("fax", {})
            out.append({"id": fax.get("id"), "state": fax.get("state"), "t": e.get("t")})
    return [e for e in out if kind != "fax-status" or e["state"] != "queued"]


def get_bytes(api, path):
    import urllib.error
    import urllib.request
    req = urllib.request.Request(api.url(path), headers={"Authorization": f"Bearer {api.token}"})
    try:
        with api._opener.open(req, timeout=60) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


if __name__ == "__main__":
    main()
