"""Scan to e-mail, server side (issue 11 section 2, docs/scan.md) against real peers: a real mps-server,
the real aiosmtpd relay with STARTTLS (tests/fixtures/mail.py) and pages made by the SANE test backend
(scanimage -d test), uploaded through the kiosk API as the kiosk does.

    MPS_BUILD_DIR=/work/main/build PYTHONPATH=../fixtures /usr/bin/python3 -m unittest -v test_scan_api
"""

import csv
import io
import os
import shutil
import subprocess
import tempfile
import unittest

from mail import MailServer
from peers import MpsServer

import mpsit
from mpsit import PASSWORD, add_user, login

KIM_PIN = "482913"
LEE_PIN = "739164"
KIM_MAIL = "kim@city.example"
RETRY_SECONDS = 2
MAX_MB = 1


def scanimage(directory, mode, picture, dpi, name, fmt="jpeg", size_mm=None):
    """One page from the SANE test backend (shared/peers.md "Scanner") -> its bytes."""
    if not shutil.which("scanimage"):
        raise unittest.SkipTest("scanimage (sane-utils) is not installed")
    conf = os.path.join(directory, "sane")
    os.makedirs(conf, exist_ok=True)
    with open(os.path.join(conf, "dll.conf"), "w") as f:
        f.write("test\n")
    path = os.path.join(directory, name)
    argv = ["scanimage", "-d", "test", "--mode", mode, "--test-picture", picture, "--resolution", str(dpi),
            f"--format={fmt}", "-o", path]
    if size_mm:
        argv += ["-x", str(size_mm[0]), "-y", str(size_mm[1])]
    subprocess.run(argv, check=True, env=dict(os.environ, SANE_CONFIG_DIR=conf),
                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    with open(path, "rb") as f:
        return f.read()


def jpeg_size(data):
    """(width, height) from a JPEG's frame header."""
    i = 2
    while i + 9 < len(data):
        marker, length = data[i + 1], int.from_bytes(data[i + 2:i + 4], "big")
        if marker in (0xC0, 0xC1, 0xC2):
            return int.from_bytes(data[i + 7:i + 9], "big"), int.from_bytes(data[i + 5:i + 7], "big")
        i += 2 + length
    raise ValueError("no frame header")


def pdfinfo(path):
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", path], check=True, stdout=subprocess.PIPE,
                         text=True).stdout
    pages, sizes = 0, []
    for line in out.splitlines():
        if line.startswith("Pages:"):
            pages = int(line.split()[1])
        if line.startswith("Page") and "size:" in line:
            w, h = line.split("size:")[1].split("pts")[0].split("x")
            sizes.append((float(w), float(h)))
    return pages, sizes


class ScanApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = mpsit.make_dir("mps-scan-test-")
        cls.mail = MailServer()
        conf = os.path.join(cls.dir, "mps-server.conf")
        with open(conf, "w") as f:
            f.write(cls.mail.config_lines())
            f.write(f"[scan]\nmax-mb = {MAX_MB}\nretry-seconds = {RETRY_SECONDS}\nretry-hours = 1\n")
        cls.server = MpsServer(extra_args=["--config", conf])
        s = cls.server
        add_user(s, "kim", pin=KIM_PIN)
        s.admin("user", "edit", "kim", "--email", KIM_MAIL)
        add_user(s, "lee", pin=LEE_PIN)  # no e-mail address
        s.admin("printer", "add", "mfp-3f", "--uri", "ipp://127.0.0.1:9/ipp/print", "--location", "3F East")
        cls.device = {"X-MPS-Device-Token": mpsit.kiosk_token(s, "kiosk-3f", "mfp-3f")}
        cls.grey = [scanimage(cls.dir, "Gray", pic, 150, f"grey{i}.jpg")
                    for i, pic in enumerate(("Color pattern", "Grid", "Color pattern"))]

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        cls.mail.close()
        shutil.rmtree(cls.dir, True)

    # -- helpers
    def detail(self):
        return mpsit.log_tail(self.server)

    def kiosk_session(self, user="kim", pin=KIM_PIN):
        kiosk = self.server.api()
        status, body = kiosk.post("kiosk/session", {"username": user, "pin": pin}, headers=self.device)
        self.assertEqual(status, 200, body)
        kiosk.token = body["token"]
        return kiosk

    def call(self, kiosk, method, path, body=None, raw=None, headers=None):
        return kiosk.request(method, path, body, raw=raw, headers=dict(self.device, **(headers or {})))

    def open_scan(self, kiosk, name="contract", mode="gray", resolution=150, **extra):
        status, body = self.call(kiosk, "POST", "kiosk/scans",
                                 dict({"fileName": name, "mode": mode, "resolution": resolution}, **extra))
        self.assertEqual(status, 201, body)
        return body["scan"]

    def put_page(self, kiosk, scan_id, n, data, ctype="image/jpeg"):
        return self.call(kiosk, "PUT", f"kiosk/scans/{scan_id}/pages/{n}", raw=data, headers={"Content-Type": ctype})

    def spool_files(self):
        root = os.path.join(self.server.data_dir, "spool")
        return sorted(n for n in os.listdir(root) if n.endswith(".job"))

    def mails_to(self, address):
        return [m for m in self.mail.messages() if address in m.rcpt_to]

    def wait_state(self, kiosk, scan_id, state, timeout=60):
        def reached():
            status, body = self.call(kiosk, "GET", f"kiosk/scans/{scan_id}")
            return body["scan"] if status == 200 and body["scan"]["state"] == state else None
        return mpsit.wait_for(reached, timeout, f"scan {scan_id} {state}", detail=self.detail)

    def usage_rows(self):
        out = self.server.admin("report", "usage", "--by", "user", "--csv").stdout.lstrip("\ufeff")
        return {r["key"]: r for r in csv.DictReader(io.StringIO(out)) if r.get("key") not in ("", "total")}

    # -- tests
    def test_a_three_pages_arrive_as_one_pdf_at_the_users_own_address(self):
        tray = login(self.server, "kim")
        events = mpsit.EventStream(self.server, tray.token)
        self.addCleanup(events.close)
        events.connected.wait(10)
        spool_before = self.spool_files()
        before = len(self.mail.messages())
        kiosk = self.kiosk_session()
        # An address in the body is not a choice: the scan goes to kim's own address.
        scan = self.open_scan(kiosk, to="someone@elsewhere.example", email="x@elsewhere.example",
                              cc=["y@elsewhere.example"])
        self.assertEqual((scan["to"], scan["pages"], scan["bytes"], scan["state"]), (KIM_MAIL, 0, 0, "open"))
        self.assertEqual(scan["maxBytes"], MAX_MB * 1024 * 1024)
        for n, page in enumerate(self.grey, 1):
            status, body = self.put_page(kiosk, scan["id"], n, page)
            self.assertEqual(status, 200, body)
            self.assertEqual(body["scan"]["pages"], n)
        self.assertEqual(len(self.spool_files()), len(spool_before) + 3, "one encrypted spool file a page")
        # Nothing of the page is readable in the spool.
        for name in set(self.spool_files()) - set(spool_before):
            with open(os.path.join(self.server.data_dir, "spool", name), "rb") as f:
                self.assertNotIn(self.grey[0][200:264], f.read())
        status, body = self.call(kiosk, "POST", f"kiosk/scans/{scan['id']}/send", {"to": "someone@elsewhere.example"})
        self.assertEqual(status, 202, body)
        self.assertIn(body["scan"]["state"], ("sending", "sent"))
        mails = self.mail.wait_for_messages(before + 1, timeout=60)
        mail = mails[-1]
        self.assertEqual(len(self.mail.messages()), before + 1, "exactly one mail")
        self.assertEqual(mail.rcpt_to, [KIM_MAIL])
        self.assertEqual(mail.to, [KIM_MAIL])
        self.assertTrue(mail.tls, "delivered over STARTTLS")
        self.assertIn("Scan: contract", mail.subject)
        self.assertIn("스캔: contract", mail.subject)
        self.assertIn("scanned at mfp-3f (3 page(s))", mail.text)
        self.assertIn("mfp-3f에서 스캔하신 문서(3쪽)", mail.text)
        self.assertEqual(len(mail.attachments), 1)
        name, ctype, pdf = mail.attachments[0]
        self.assertEqual((name, ctype), ("contract.pdf", "application/pdf"))
        path = os.path.join(self.dir, "received.pdf")
        with open(path, "wb") as f:
            f.write(pdf)
        pages, sizes = pdfinfo(path)
        self.assertEqual(pages, 3)
        for page, (w, h) in zip(self.grey, sizes):
            pw, ph = jpeg_size(page)
            self.assertAlmostEqual(w, pw * 72 / 150, delta=0.5)
            self.assertAlmostEqual(h, ph * 72 / 150, delta=0.5)
        for page in self.grey:
            self.assertIn(page, pdf, "the JPEG is carried unchanged")
        # The tray hears it; only the log row stays; the pages, the PDF and the key are gone.
        events.wait_event(lambda e: e["event"] == "scan-delivery" and e["data"]["scan"]["id"] == scan["id"]
                          and e["data"]["scan"]["state"] == "sent", 30, "scan-delivery sent")
        done = self.wait_state(kiosk, scan["id"], "sent")
        self.assertEqual((done["pages"], done["fileName"]), (3, ""))
        self.assertEqual(done["bytes"], len(pdf))
        mpsit.wait_for(lambda: self.spool_files() == spool_before, 10, "the scan's spool files removed")
        # The ledger has a 'scanned' row, which counts as no printed page and no cost.
        row = self.usage_rows().get("kim")
        self.assertIsNotNone(row, "kim has a ledger row")
        for column, value in row.items():
            if column in ("pages", "sheets", "impressions", "colorImpressions", "cost", "jobs"):
                self.assertIn(value, ("0", "0.00", ""), f"{column} counts a scan: {row}")

    def test_b_smtp_down_retries_then_delivers_when_it_comes_back(self):
        tray = login(self.server, "kim")
        events = mpsit.EventStream(self.server, tray.token)
        self.addCleanup(events.close)
        events.connected.wait(10)
        kiosk = self.kiosk_session()
        scan = self.open_scan(kiosk, name="down then up")
        self.assertEqual(self.put_page(kiosk, scan["id"], 1, self.grey[1])[0], 200)
        self.mail.stop()
        try:
            self.assertEqual(self.call(kiosk, "POST", f"kiosk/scans/{scan['id']}/send")[0], 202)
            events.wait_event(lambda e: e["event"] == "scan-delivery" and e["data"]["scan"]["id"] == scan["id"]
                              and e["data"]["scan"]["state"] == "retrying", 60, "scan-delivery retrying")
            self.assertEqual(self.wait_state(kiosk, scan["id"], "retrying")["pages"], 1)
        finally:
            self.mail.start()
        self.mail.wait_for_messages(1, timeout=60, where=lambda m: "down then up" in m.subject)
        events.wait_event(lambda e: e["event"] == "scan-delivery" and e["data"]["scan"]["id"] == scan["id"]
                          and e["data"]["scan"]["state"] == "sent", 60, "scan-delivery sent")
        self.assertGreaterEqual(self.wait_state(kiosk, scan["id"], "sent")["attempts"], 2)

    def test_c_kill_9_while_retrying_delivers_after_restart(self):
        kiosk = self.kiosk_session()
        scan = self.open_scan(kiosk, name="survives a crash")
        self.assertEqual(self.put_page(kiosk, scan["id"], 1, self.grey[0])[0], 200)
        self.mail.stop()
        try:
            self.assertEqual(self.call(kiosk, "POST", f"kiosk/scans/{scan['id']}/send")[0], 202)
            self.wait_state(kiosk, scan["id"], "retrying")
            self.server.kill9()
        finally:
            self.mail.start()
        self.server.start()
        mails = self.mail.wait_for_messages(1, timeout=60, where=lambda m: "survives a crash" in m.subject)
        self.assertEqual(mails[0].rcpt_to, [KIM_MAIL])
        tray = login(self.server, "kim")
        status, body = tray.request("GET", f"kiosk/scans/{scan['id']}", headers=self.device)
        self.assertEqual(status, 403, body)  # a tray session has no scan routes
        kiosk = self.kiosk_session()
        self.assertEqual(self.wait_state(kiosk, scan["id"], "sent")["pages"], 1)

    def test_d_no_other_address_can_be_chosen(self):
        # A person without an address cannot scan to e-mail at all: nothing falls back to a typed one.
        lee = self.kiosk_session("lee", LEE_PIN)
        status, body = self.call(lee, "POST", "kiosk/scans",
                                 {"fileName": "x", "mode": "gray", "resolution": 150, "to": KIM_MAIL})
        self.assertEqual((status, body["error"]), (409, "no-email"), body)
        # Another person's scan is not there for lee.
        kim = self.kiosk_session()
        scan = self.open_scan(kim, name="kims")
        for method, path in (("GET", ""), ("POST", "/send"), ("DELETE", "")):
            status, body = self.call(lee, method, f"kiosk/scans/{scan['id']}{path}")
            self.assertEqual(status, 404, body)
        self.assertEqual(self.call(kim, "DELETE", f"kiosk/scans/{scan['id']}")[0], 204)

    def test_e_a_session_that_is_not_a_kiosks_gets_403(self):
        tray = login(self.server, "kim")
        status, body = tray.post("kiosk/scans", {"fileName": "x", "mode": "gray", "resolution": 150})
        self.assertEqual((status, body["error"]), (403, "forbidden"), body)
        # Even with a kiosk's device token beside it.
        status, body = tray.request("POST", "kiosk/scans", {"fileName": "x", "mode": "gray", "resolution": 150},
                                    headers=self.device)
        self.assertEqual(status, 403, body)

    def test_f_too_large_is_413_and_keeps_the_pages_so_far(self):
        page = scanimage(self.dir, "Color", "Color pattern", 150, "colour.jpg")
        kiosk = self.kiosk_session()
        scan = self.open_scan(kiosk, name="too big", mode="color")
        stored = 0
        for n in range(1, 2 * MAX_MB * 1024 * 1024 // len(page) + 2):
            status, body = self.put_page(kiosk, scan["id"], n, page)
            if status != 200:
                break
            stored = n
        self.assertEqual((status, body["error"]), (413, "scan-too-large"), body)
        self.assertEqual(body["maxBytes"], MAX_MB * 1024 * 1024)
        self.assertGreaterEqual(stored, 1)
        status, body = self.call(kiosk, "GET", f"kiosk/scans/{scan['id']}")
        self.assertEqual((status, body["scan"]["pages"]), (200, stored), body)
        self.assertLessEqual(body["scan"]["bytes"], MAX_MB * 1024 * 1024)
        # Another session of the same person does not see this open scan.
        self.assertEqual(self.call(self.kiosk_session(), "GET", f"kiosk/scans/{scan['id']}")[0], 404)
        self.assertEqual(self.call(kiosk, "DELETE", f"kiosk/scans/{scan['id']}")[0], 204)

    def test_h_a_full_spool_refuses_a_page_and_keeps_the_pages_so_far(self):
        # docs/server.md "Spool space": a reserve larger than any disk here.
        kiosk = self.kiosk_session()
        scan = self.open_scan(kiosk, name="no room")
        page = self.grey[0]
        status, body = self.put_page(kiosk, scan["id"], 1, page)
        self.assertEqual(status, 200, body)
        conf = self.server.extra_args[1]
        full = os.path.join(self.dir, "spool-full.conf")
        with open(conf) as f, open(full, "w") as out:
            out.write("spool-reserve-mb = 2000000000\n" + f.read())
        self.server.stop()
        self.server.extra_args = ("--config", full)
        try:
            self.server.start()
            files = self.spool_files()
            status, body = self.put_page(kiosk, scan["id"], 2, page)
            self.assertEqual((status, body.get("error")), (507, "spool-full"), body)
            self.assertEqual(self.spool_files(), files, "nothing stored")
            status, body = self.call(kiosk, "GET", f"kiosk/scans/{scan['id']}")
            self.assertEqual((status, body["scan"]["pages"]), (200, 1), body)
            self.assertEqual(self.call(kiosk, "DELETE", f"kiosk/scans/{scan['id']}")[0], 204)
        finally:
            self.server.stop()
            self.server.extra_args = ("--config", conf)
            self.server.start()

    def test_g_page_checks_and_session_end_destroys_an_open_scan(self):
        spool_before = self.spool_files()
        kiosk = self.kiosk_session()
        scan = self.open_scan(kiosk, name="abandoned")
        status, body = self.put_page(kiosk, scan["id"], 1, b"not an image at all")
        self.assertEqual((status, body["error"]), (422, "bad-image"), body)
        status, body = self.put_page(kiosk, scan["id"], 1, self.grey[0], ctype="image/png")
        self.assertEqual((status, body["error"]), (415, "unsupported-format"), body)
        status, body = self.put_page(kiosk, scan["id"], 3, self.grey[0])
        self.assertEqual(status, 400, body)
        self.assertEqual(self.call(kiosk, "POST", f"kiosk/scans/{scan['id']}/send")[1]["error"], "no-pages")
        for n in (1, 2):
            self.assertEqual(self.put_page(kiosk, scan["id"], n, self.grey[n])[0], 200)
        status, body = self.call(kiosk, "DELETE", f"kiosk/scans/{scan['id']}/pages/1")
        self.assertEqual((status, body["scan"]["pages"]), (200, 1), body)
        self.assertEqual(len(self.spool_files()), len(spool_before) + 1)
        # Sign-out without Send: the scan and its page are destroyed.
        self.assertEqual(self.call(kiosk, "DELETE", "session")[0], 200)
        mpsit.wait_for(lambda: self.spool_files() == spool_before, 30, "the open scan destroyed",
                       detail=self.detail)
        again = self.kiosk_session()
        self.assertEqual(self.call(again, "GET", f"kiosk/scans/{scan['id']}")[0], 404)
        self.assertIn("destroyed unsent", self.server.log())


if __name__ == "__main__":
    unittest.main()
