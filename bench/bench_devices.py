#!/usr/bin/python3
"""Device monitoring benchmark (issue 10, section 4): polling a simulated fleet of printers.

Simulation: one snmpd (tests/fixtures/snmp.py) answers on --ports UDP ports with a Printer MIB
(toner, waste toner, page counter); --printers printer records point at those ports (several records
per port: each is polled as its own printer, over its own net-snmp session), and --ipp of them point
at a few ippeveprinters (IPP Get-Printer-Attributes). One more snmpd plays the "fault printer".

A. Per poll round (every printer polled once, [devices] poll-seconds = --poll): mps-server CPU seconds
   per round (from /proc/PID/stat over --rounds rounds) and RSS before the monitor's first round and
   during polling (the sampled maximum).
B. Fault to push (each change after a random wait, uniform over one poll period, so it falls at a
   random phase of the poll cycle): snmpset of hrPrinterDetectedErrorState (jammed) on the fault printer -> the
   `device-changed` event carrying "media-jam" on an admin's SSE stream (and the clear), --faults times.
   Expected: uniform over one poll period plus one poll's duration.
C. Release latency: upload + release of a 1-page PDF to an ippeveprinter -> the job "printed"
   (GET /api/v1/jobs/ID polled every 20 ms), --releases times, while the fleet is polled, and on a
   second server without the fleet (the same printer only).

Extrapolation: the server's cost per poll is one UDP session (SNMP) or one HTTP connection (IPP); a
real fleet answers from 500 addresses instead of one snmpd's ports, which changes nothing on the
server side except network round trips (loopback here: < 1 ms; a LAN: 1-5 ms, inside the timeout).
"""

import argparse
import json
import os
import random
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402
from common import log, proc_cpu_seconds, proc_status, summary_ms  # noqa: E402
import peers  # noqa: E402
from snmp import SnmpPrinter  # noqa: E402

TN = "Black Toner Cartridge TN-2420"


class Sse(threading.Thread):
    """An admin's /api/v1/events, each event with its arrival time (perf_counter)."""

    def __init__(self, port, token):
        super().__init__(daemon=True)
        import http.client
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=3600)
        self.conn.request("GET", "/api/v1/events", headers={"Authorization": f"Bearer {token}",
                                                            "Accept": "text/event-stream"})
        self.resp = self.conn.getresponse()
        self.events = []
        self.cv = threading.Condition()
        self.start()

    def run(self):
        data = []
        while True:
            line = self.resp.readline()
            if not line:
                return
            line = line.decode("utf-8", "replace").rstrip("\r\n")
            if line.startswith("data:"):
                data.append(line[5:].strip())
            elif line == "" and data:
                try:
                    ev = json.loads("\n".join(data))
                except ValueError:
                    ev = None
                data = []
                with self.cv:
                    self.events.append((time.perf_counter(), ev))
                    self.cv.notify_all()

    def wait(self, since, predicate, timeout):
        deadline = time.perf_counter() + timeout
        with self.cv:
            while True:
                for t, ev in self.events:
                    if t >= since and ev and predicate(ev):
                        return t
                left = deadline - time.perf_counter()
                if left <= 0:
                    return None
                self.cv.wait(left)


def start_server(build_dir, poll, tmp):
    ini = os.path.join(tmp, f"server-{poll}.ini")
    with open(ini, "w") as f:
        f.write(f"[devices]\npoll-seconds={poll}\n")
    server = peers.MpsServer(build_dir=build_dir, extra_args=["--config", ini])
    common.mps_add_user(server, "admin")
    server.admin("user", "edit", "admin", "--role", "admin")
    return server


def release_latencies(server, printer, pdf, n):
    h = common.mps_login(server.port, "admin")
    out = []
    for i in range(n):
        status, body = h.json("POST", f"/api/v1/jobs?name=bench-{i}.pdf", pdf, {"Content-Type": "application/pdf"})
        if status != 201:
            raise RuntimeError(f"upload: {status} {body}")
        job = body["job"]["id"]
        t0 = time.perf_counter()
        status, body = h.json("POST", f"/api/v1/jobs/{job}/release", {"printer": printer})
        if status != 202:
            raise RuntimeError(f"release: {status} {body}")
        while True:
            status, body = h.json("GET", f"/api/v1/jobs/{job}")
            if body["job"]["state"] == "printed":
                break
            if body["job"]["state"] == "held":
                raise RuntimeError(f"release went back to held: {body}")
            time.sleep(0.02)
        out.append(time.perf_counter() - t0)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--printers", type=int, default=500)
    ap.add_argument("--ports", type=int, default=100, help="UDP ports of the one fleet snmpd")
    ap.add_argument("--ipp", type=int, default=50, help="printer records polled over IPP")
    ap.add_argument("--ipp-printers", type=int, default=3, help="ippeveprinter processes behind them")
    ap.add_argument("--poll", type=int, default=20, help="[devices] poll-seconds")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--faults", type=int, default=6)
    ap.add_argument("--releases", type=int, default=10)
    ap.add_argument("--quick", action="store_true")
    a = ap.parse_args()
    if a.quick:
        a.printers, a.ports, a.ipp, a.ipp_printers, a.poll, a.rounds, a.faults, a.releases = 40, 10, 4, 1, 5, 1, 2, 3
    build_dir, binary = common.snapshot_build()
    tmp = common.peers._make_dir("mps-bench-devices-")
    with open("/usr/share/cups/data/default-testpage.pdf", "rb") as f:
        pdf = f.read()  # one page
    result = {"machine": common.machine_info(), "binary": binary, "args": vars(a)}
    fleet = SnmpPrinter(supplies=[(TN, 3, 80, "black"), ("Waste Toner Box WT-200", 4, 60)], pages=1000, ports=a.ports)
    fault = SnmpPrinter(supplies=[(TN, 3, 50, "black")], pages=10)
    ipps = [peers.IppEvePrinter(f"bench{i}", settle=False) for i in range(a.ipp_printers)]
    servers = []
    try:
        # C, baseline first: a server with only the release printer.
        base = start_server(build_dir, a.poll, tmp)
        servers.append(base)
        base.admin("printer", "add", "target", "--uri", ipps[0].uri)
        release_latencies(base, "target", pdf, 2)  # warm-up
        result["release_without_fleet"] = summary_ms(release_latencies(base, "target", pdf, a.releases))
        log("release without fleet:", result["release_without_fleet"])
        base.close()
        servers.remove(base)

        server = start_server(build_dir, a.poll, tmp)
        servers.append(server)
        server.admin("printer", "add", "target", "--uri", ipps[0].uri)
        server.admin("printer", "add", "fault", "--uri", "ipp://127.0.0.1:9/ipp/print", "--protocol", "snmp",
                     "--snmp", fault.address)
        t0 = time.time()
        for i in range(a.printers - 2):
            if i < a.ipp - 1:
                args = ["--uri", ipps[i % len(ipps)].uri, "--location", f"Main/{i % 10}F"]
            else:
                port = fleet.ports[i % len(fleet.ports)]
                args = ["--uri", "ipp://127.0.0.1:9/ipp/print", "--protocol", "snmp", "--snmp", f"127.0.0.1:{port}",
                        "--location", f"Main/{i % 10}F"]
            server.admin("printer", "add", f"p{i:03d}", *args)
        log(f"{a.printers} printers registered in {time.time() - t0:.0f} s")
        pid = server.pid
        rss_before = proc_status(pid)["VmRSS"]
        h = common.mps_login(server.port, "admin")
        # A: wait for the first full round (every device checked), then measure rounds.
        t0 = time.perf_counter()
        while True:
            status, body = h.json("GET", "/api/v1/devices")
            if all(d["checked"] for d in body["devices"]) and len(body["devices"]) >= a.printers:
                break
            time.sleep(0.5)
        first_round = time.perf_counter() - t0
        log(f"first round done in {first_round:.1f} s (the monitor reloads its printer list every poll period)")
        sampler = common.RssSampler(pid, 0.2)
        sampler.start()
        cpu0, w0 = proc_cpu_seconds(pid), time.perf_counter()
        time.sleep(a.poll * a.rounds)
        cpu1, w1 = proc_cpu_seconds(pid), time.perf_counter()
        rounds = (w1 - w0) / a.poll
        status, body, dt_list = h.request("GET", "/api/v1/devices")
        result["poll_round"] = {
            "printers": a.printers, "snmp": a.printers - a.ipp, "ipp": a.ipp, "poll_seconds": a.poll,
            "rounds": round(rounds, 2), "cpu_seconds_per_round": round((cpu1 - cpu0) / rounds, 3),
            "cpu_percent": round(100 * (cpu1 - cpu0) / (w1 - w0), 2),
            "rss_kb_before_fleet": rss_before, "rss_kb_max_polling": sampler.stop(),
            "first_round_seconds": round(first_round, 1),
            "get_devices_ms": round(dt_list * 1000, 1), "get_devices_bytes": len(body)}
        log("poll rounds:", result["poll_round"])
        # B: fault -> device-changed.
        sse = Sse(server.port, h.token)
        time.sleep(1)
        lat, clear = [], []
        for i in range(a.faults):
            # A random phase of the poll cycle (each change is otherwise seen right after a poll and
            # then waits a whole period): uniform over one period, so p50 ~ period/2 + processing.
            time.sleep(random.uniform(0, a.poll))
            t = time.perf_counter()
            fault.set_errors(jammed=True)
            got = sse.wait(t, lambda e: e.get("type") == "device-changed" and e["device"]["name"] == "fault"
                           and "media-jam" in e["device"]["faults"], a.poll * 3 + 10)
            lat.append(got - t if got else None)
            time.sleep(random.uniform(0, a.poll))
            t = time.perf_counter()
            fault.set_errors()
            got = sse.wait(t, lambda e: e.get("type") == "device-changed" and e["device"]["name"] == "fault"
                           and not e["device"]["faults"], a.poll * 3 + 10)
            clear.append(got - t if got else None)
        result["fault_to_event"] = summary_ms([x for x in lat if x is not None])
        result["clear_to_event"] = summary_ms([x for x in clear if x is not None])
        result["fault_missed"] = lat.count(None) + clear.count(None)
        log("fault -> device-changed:", result["fault_to_event"], "clear:", result["clear_to_event"])
        # C: release latency while the fleet is polled.
        release_latencies(server, "target", pdf, 2)
        result["release_with_fleet"] = summary_ms(release_latencies(server, "target", pdf, a.releases))
        log("release with fleet:", result["release_with_fleet"])
    finally:
        for s in servers:
            s.close()
        for p in ipps:
            p.close()
        fleet.close()
        fault.close()
    common.save("bench_devices" + ("-quick" if a.quick else ""), result)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
