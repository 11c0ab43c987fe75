"""Device monitoring end to end against real peers (issue 10 section 1, docs/devices.md):
ippeveprinter whose supply levels change at run time (its /supplies page), snmpd playing two
printers' Printer MIB changed with snmpset (tests/fixtures/snmp.py), an unreachable and a hung
printer, the order list across printers (JSON and CSV), device-changed pushed to admins, counter
reconciliation with the ledger, mps-admin devices / supplies. Run from tests/integration:

    MPS_BUILD_DIR=/work/main/build PYTHONPATH=../fixtures /usr/bin/python3 -m unittest -v test_devices
"""

import csv
import io
import os
import shutil
import sys
import unittest
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures"))
import mpsit  # noqa: E402
from mpsit import add_user, login, wait_for  # noqa: E402
from peers import IppEvePrinter, MpsServer, free_port  # noqa: E402
import snmp  # noqa: E402
from snmp import SnmpPrinter  # noqa: E402

TN = "Black Toner Cartridge TN-2420"


@unittest.skipUnless(shutil.which("snmpd") and shutil.which("ippeveprinter"), "snmpd or ippeveprinter missing")
class DevicesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = mpsit.make_dir("mps-devices-it-")
        cls.peers = []
        cls.server = None
        try:
            ini = os.path.join(cls.tmp, "server.ini")
            with open(ini, "w") as f:
                # Fast polls and a short back-off so that the test sees changes within seconds; one
                # poll thread, so that a hung printer occupies the whole monitor while releases go on.
                f.write("[devices]\npoll-seconds=1\nbackoff-max-seconds=2\nipp-timeout-ms=3000\n"
                        "snmp-timeout-ms=500\nsnmp-retries=0\npoll-threads=1\nlow-percent=15\n")
            cls.ini = ini
            cls.server = MpsServer(extra_args=["--config", ini])
            add_user(cls.server, "kim", role="admin")
            add_user(cls.server, "lee")
            cls.mfp = IppEvePrinter("mfp1", settle=False)
            cls.hung = IppEvePrinter("hung", settle=False)
            cls.snmp1 = SnmpPrinter(supplies=[(TN, 3, 80, "black"), ("Waste Toner Box WT-200", 4, 60)], pages=1000)
            cls.snmp2 = SnmpPrinter(supplies=[(TN, 3, 70, "black")], pages=5000)
            # ipp+snmp: state and releases over IPP (ippeveprinter), the page counter from snmpd.
            cls.snmp3 = SnmpPrinter(supplies=[(TN, 3, 90, "black")], pages=20000)
            cls.peers = [cls.mfp, cls.hung, cls.snmp1, cls.snmp2, cls.snmp3]
            admin = cls.server.admin
            admin("printer", "add", "mfp1", "--uri", cls.mfp.uri, "--location", "Main/3F East", "--model", "MFP 9000",
                  "--serial", "SN-1")
            admin("printer", "add", "snmp1", "--uri", f"ipp://127.0.0.1:{free_port()}/ipp/print", "--location",
                  "Main/3F West", "--protocol", "snmp", "--snmp", cls.snmp1.address)
            admin("printer", "add", "snmp2", "--uri", f"ipp://127.0.0.1:{free_port()}/ipp/print", "--location",
                  "Annex/1F", "--protocol", "snmp", "--snmp", cls.snmp2.address, "--community", "public")
            admin("printer", "add", "combo", "--uri", cls.mfp.uri, "--location", "Main/4F",
                  "--protocol", "ipp+snmp", "--snmp", cls.snmp3.address)
            admin("printer", "add", "dead", "--uri", f"ipp://127.0.0.1:{free_port()}/ipp/print", "--location",
                  "Main/5F")
            admin("printer", "add", "hung", "--uri", cls.hung.uri, "--location", "Main/6F")
            cls.kim = login(cls.server, "kim")
            cls.lee = login(cls.server, "lee")
            cls.pdf = mpsit.make_multipage_pdf(cls.tmp)
        except BaseException:
            cls.tearDownClass()
            raise

    @classmethod
    def tearDownClass(cls):
        for p in cls.peers:
            p.close()
        if cls.server:
            cls.server.close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    # -- helpers
    def devices(self):
        status, body = self.kim.get("devices")
        self.assertEqual(status, 200, body)
        return {d["name"]: d for d in body["devices"]}

    def wait_device(self, name, predicate, what, timeout=30):
        last = {}

        def check():
            d = self.devices().get(name)
            last["d"] = d
            return d if d and predicate(d) else None
        return wait_for(check, timeout, f"{name}: {what}", 0.2,
                        lambda: f"last: {last.get('d')}\n{mpsit.log_tail(self.server)}")

    @staticmethod
    def supply(device, description):
        return next((s for s in device["supplies"] if s["description"] == description), None)

    # -- tests
    def test_admins_only(self):
        for path in ("devices", "devices/alerts", "supplies/order", "supplies/order?format=csv"):
            status, body = self.lee.get(path)
            self.assertEqual(status, 403, (path, body))
            self.assertEqual(body["error"], "forbidden")
        status, body = self.kim.get("devices/alerts")
        self.assertEqual(status, 200, body)
        self.assertIsInstance(body["alerts"], list)

    def test_snmp_only_printer_toner_and_counter_appear(self):
        d = self.wait_device("snmp1", lambda d: d["reachable"] and self.supply(d, TN), "toner over SNMP")
        s = self.supply(d, TN)
        # 80 at start; test_order_list may have set it since: what the agent says now.
        self.assertEqual(s["level"], int(self.snmp1.get(f"{snmp.SUPPLIES}.9.1.1")))
        self.assertEqual(s["type"], "toner")
        self.assertEqual(s["color"], "black")
        self.assertTrue(s["key"].startswith("snmp:"))
        waste = self.supply(d, "Waste Toner Box WT-200")
        self.assertEqual((waste["type"], waste["level"]), ("waste-toner", 60))
        self.assertEqual(d["pageCount"], int(self.snmp1.get(snmp.LIFE_COUNT)))
        self.assertEqual(d["protocol"], "snmp")
        self.assertEqual(d["state"], "idle")
        self.assertNotIn("community", d)
        # One device with its 30-day history.
        status, body = self.kim.get(f"devices/{d['id']}")
        self.assertEqual(status, 200, body)
        self.assertIn(s["key"], body["device"]["history"]["supplies"])
        self.assertEqual(body["device"]["history"]["pages"][0][1], 1000)  # the first sample
        self.assertEqual(self.kim.get("devices/999999")[0], 404)

    def test_ipp_supply_level_changed_at_run_time(self):
        d = self.wait_device("mfp1", lambda d: d["reachable"] and d["supplies"], "IPP supplies")
        self.assertEqual(d["model"], "MFP 9000")
        self.assertEqual(d["serial"], "SN-1")
        first = d["supplies"][0]
        self.assertTrue(first["key"].startswith("ipp:"))
        new_level = 7 if first["level"] != 7 else 9
        # ippeveprinter's supplies: 0 the waste toner tank, 1 the black toner (printer-supply).
        url = f"{self.mfp.web_url}/supplies?supply0={new_level}&supply1=75"
        with urllib.request.urlopen(url, timeout=10) as resp:
            self.assertEqual(resp.status, 200)
        self.wait_device("mfp1", lambda d: d["supplies"][0]["level"] == new_level, f"supply 0 at {new_level}%")

    def test_fault_over_snmp_and_device_changed_pushed(self):
        self.wait_device("snmp2", lambda d: d["reachable"], "snmp2 polled")
        stream = mpsit.EventStream(self.server, self.kim.token)
        lee_stream = mpsit.EventStream(self.server, self.lee.token)
        self.addCleanup(stream.close)
        self.addCleanup(lee_stream.close)
        stream.connected.wait(10)
        lee_stream.connected.wait(10)
        self.snmp2.set_errors(jammed=True, low_toner=True)
        ev = stream.wait_event(
            lambda e: isinstance(e["data"], dict) and e["data"].get("type") == "device-changed"
            and e["data"]["device"]["name"] == "snmp2" and "media-jam" in e["data"]["device"]["faults"],
            30, "device-changed with the jam")
        device = ev["data"]["device"]
        self.assertEqual(device["attention"], 3)
        self.assertIn("toner-low", device["reasons"])
        self.assertIn("paper jam", device["faultText"])
        # Everyone gets printer-changed; only admins get device-changed.
        lee_stream.wait_event(lambda e: isinstance(e["data"], dict) and e["data"].get("type") == "printer-changed"
                              and e["data"]["printer"]["name"] == "snmp2", 30, "printer-changed for lee")
        self.assertFalse([e for e in lee_stream.events()
                          if isinstance(e["data"], dict) and e["data"].get("type") == "device-changed"])
        self.snmp2.set_errors()
        self.wait_device("snmp2", lambda d: not d["faults"], "jam cleared")

    def test_unreachable_reported_and_releases_go_on(self):
        d = self.wait_device("dead", lambda d: d["checked"] and not d["reachable"], "dead printer unreachable")
        self.assertEqual(d["attention"], 3)
        self.assertIsNotNone(d["unreachableSince"])
        self.assertIsNone(d["lastSeen"])
        self.assertTrue(d["faultText"])
        # The hung printer accepts TCP but never answers: with one monitor thread, each of its polls
        # holds the monitor for the IPP deadline. A release to mfp1 meanwhile still prints.
        self.hung.freeze()
        self.addCleanup(self.hung.thaw)
        self.wait_device("hung", lambda d: d["checked"] and not d["reachable"], "hung printer unreachable", 60)
        with open(self.pdf, "rb") as f:
            status, body = mpsit.upload(self.kim, f.read(), name="while-hung.pdf")
        self.assertEqual(status, 201, body)
        job_id = body["job"]["id"]
        status, body = self.kim.post(f"jobs/{job_id}/release", {"printer": "mfp1"})
        self.assertEqual(status, 202, body)
        mpsit.wait_job(self.kim, job_id, "printed", 60, self.server)
        # ... and the monitor is still polling the hung printer (it is still reported unreachable).
        self.assertFalse(self.devices()["hung"]["reachable"])

    def test_order_list_sums_cartridges_across_printers(self):
        self.snmp1.set_level(1, 10)
        self.snmp2.set_level(1, 12)
        self.wait_device("snmp1", lambda d: self.supply(d, TN)["level"] == 10, "snmp1 toner at 10%")
        self.wait_device("snmp2", lambda d: self.supply(d, TN)["level"] == 12, "snmp2 toner at 12%")
        status, body = self.kim.get("supplies/order?days=14")
        self.assertEqual(status, 200, body)
        self.assertEqual((body["days"], body["lowPercent"]), (14, 15))
        item = next(i for i in body["items"] if i["description"] == TN)
        self.assertEqual(item["needNow"], 2)
        self.assertEqual(sorted(p["name"] for p in item["printers"]), ["snmp1", "snmp2"])
        self.assertEqual(item["printers"][0]["level"], 10)
        # A building: only the Main printers.
        status, body = self.kim.get("supplies/order?location=Main")
        item = next(i for i in body["items"] if i["description"] == TN)
        self.assertEqual([p["name"] for p in item["printers"]], ["snmp1"])
        # CSV, as the tray exports it.
        req = urllib.request.Request(self.kim.url("supplies/order?format=csv"),
                                     headers={"Authorization": f"Bearer {self.kim.token}"})
        with urllib.request.urlopen(req, timeout=10) as resp:
            self.assertEqual(resp.headers["Content-Type"], "text/csv; charset=utf-8")
            rows = list(csv.reader(io.StringIO(resp.read().decode("utf-8"))))
        self.assertEqual(rows[0], ["description", "type", "color", "need_now", "need_soon", "printers"])
        row = next(r for r in rows[1:] if r[0] == TN)
        self.assertEqual(row[1:5], ["toner", "black", "2", "0"])
        self.assertEqual(row[5], "snmp1 (Main/3F West) 10%; snmp2 (Annex/1F) 12%")
        # mps-admin supplies says the same.
        out = self.server.admin("--config", self.ini, "supplies", "--csv").stdout
        self.assertIn("snmp1 (Main/3F West) 10%; snmp2 (Annex/1F) 12%", out)
        out = self.server.admin("supplies", "--location", "Annex").stdout
        self.assertIn(TN, out)
        self.assertIn("snmp2 (Annex/1F) 12%", out)
        self.assertNotIn("snmp1", out)

    def test_ipp_plus_snmp_counter_reconciled_with_ledger(self):
        d = self.wait_device("combo", lambda d: d["reachable"] and d["pageCount"] == 20000, "combo's SNMP counter")
        self.assertEqual(d["protocol"], "ipp+snmp")
        self.assertEqual(d["releasedPages"], 0)
        self.assertEqual(d["counterGap"], 0)
        with open(self.pdf, "rb") as f:
            status, body = mpsit.upload(self.kim, f.read(), name="counted.pdf")
        job_id = body["job"]["id"]
        status, body = self.kim.post(f"jobs/{job_id}/release", {"printer": "combo"})
        self.assertEqual(status, 202, body)
        printed = mpsit.wait_job(self.kim, job_id, "printed", 60, self.server)
        pages = printed.get("impressionsCompleted") or printed["pages"]
        # The printer counted the job and 7 copies made at its panel.
        self.snmp3.set_pages(20000 + pages + 7)
        d = self.wait_device("combo", lambda d: d["pageCount"] == 20000 + pages + 7, "combo's new counter")
        self.assertEqual(d["releasedPages"], pages)
        self.assertEqual(d["counterGap"], 7)

    def test_admin_devices_command(self):
        self.wait_device("snmp1", lambda d: d["reachable"], "snmp1 polled")
        self.wait_device("dead", lambda d: d["checked"], "dead polled")
        out = self.server.admin("devices").stdout
        lines = {line.split("\t")[0]: line.split("\t") for line in out.splitlines()}
        self.assertIn("unreachable", lines["dead"][1])
        self.assertIn(TN, lines["snmp1"][3])
        self.assertEqual(lines["snmp1"][4], str(self.devices()["snmp1"]["pageCount"]))
        # Bad device options are refused with the reason.
        res = self.server.admin("printer", "edit", "snmp1", "--protocol", "telnet", check=False)
        self.assertEqual(res.returncode, 2)
        self.assertIn("--protocol must be ipp, snmp or ipp+snmp", res.stderr)


if __name__ == "__main__":
    unittest.main()
