"""CUPS's own IPP conformance suites against mps-server's /ipp/print, over TLS with a password.

ipp-1.1 waits for a printed job to reach a completed state, which a hold queue only reaches when
someone releases it. A release agent plays the user at the MFP: it releases every held job of the
test user through the REST API to a real ippeveprinter, so the suites see the real hold -> release
-> print -> completed path. The hold-queue suite (tests/ipp/mps-hold-queue.test) runs without the
agent and checks that jobs stay held.
"""
import os
import threading
import time
import unittest

from peers import ApiClient, IppEvePrinter, MpsServer, ipptool, ipptool_counts

HERE = os.path.dirname(os.path.abspath(__file__))
HOLD_SUITE = os.path.join(HERE, "..", "ipp", "mps-hold-queue.test")
DOC = "/usr/share/cups/data/default-testpage.pdf"
PASSWORD = "conformance-pw"


class ReleaseAgent(threading.Thread):
    """Releases each held job of one user to one printer, as the user would at a kiosk."""

    def __init__(self, base_url, user, password, printer):
        super().__init__(daemon=True)
        self.api = ApiClient(base_url)
        self.api.login(user, password)
        self.printer = printer
        self.stop_flag = threading.Event()
        self.released = set()

    def run(self):
        while not self.stop_flag.is_set():
            status, body = self.api.get("jobs")
            if status == 200:
                for job in body["jobs"]:
                    if job["state"] == "held" and job["id"] not in self.released:
                        st, _ = self.api.post(f"jobs/{job['id']}/release", {"printer": self.printer})
                        if st == 202:
                            self.released.add(job["id"])
            self.stop_flag.wait(0.2)

    def stop(self):
        self.stop_flag.set()
        self.join(10)


class IppConformance(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.printer = IppEvePrinter("conformance-mfp")
        cls.server = MpsServer()
        cls.server.admin("user", "add", "kim", "--department", "QA", "--password-stdin", stdin=PASSWORD + "\n")
        cls.server.admin("printer", "add", "mfp", "--uri", cls.printer.uri, "--location", "Lab")
        cls.uri = f"ipps://kim:{PASSWORD}@localhost:{cls.server.port}/ipp/print"

    @classmethod
    def tearDownClass(cls):
        cls.server.close()
        cls.printer.close()

    def run_suite(self, suite, agent=True):
        releaser = ReleaseAgent(self.server.base_url, "kim", PASSWORD, "mfp") if agent else None
        if releaser:
            releaser.start()
        try:
            res = ipptool(self.uri, suite, version="2.0", document=DOC, extra=("-R", "-T", "30"), timeout=600)
        finally:
            if releaser:
                releaser.stop()
        counts = ipptool_counts(res.stdout)
        print(f"\n{os.path.basename(suite)}: {counts.passed} passed, {counts.failed} failed, "
              f"{counts.skipped} skipped")
        self.assertEqual(counts.failed, 0, res.stdout[-6000:] + "\n--- server log ---\n" + self.server.log()[-3000:])
        self.assertGreater(counts.passed, 10, res.stdout[-3000:])
        return counts

    def test_ipp_1_1(self):
        self.run_suite("ipp-1.1.test")

    def test_ipp_2_0(self):
        self.run_suite("ipp-2.0.test")

    def test_ipp_everywhere(self):
        self.run_suite("ipp-everywhere.test")

    def test_hold_queue(self):
        before = len(self.printer.received_files())
        counts = self.run_suite(HOLD_SUITE, agent=False)
        self.assertGreaterEqual(counts.passed, 12)
        # Nothing the hold suite submitted may have reached the printer.
        time.sleep(1)
        self.assertEqual(len(self.printer.received_files()), before)


if __name__ == "__main__":
    unittest.main()
