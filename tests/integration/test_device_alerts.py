"""Device alerts by e-mail end to end (issue 10, docs/devices.md "Alerts" and "Mail"): mps-server polls a
real ippeveprinter whose supply levels and state change at run time, and mails through a real aiosmtpd
with STARTTLS and AUTH (tests/fixtures/mail.py). Toner low -> exactly one mail naming the printer and the
supply, not repeated while polls go on; a jam -> an alert mail, cleared -> an all-clear mail; the open
alerts in GET /api/v1/devices/alerts; mps-admin alerts list and mail test. Run from tests/integration:

    MPS_BUILD_DIR=/work/main/build PYTHONPATH=../fixtures /usr/bin/python3 -m unittest -v test_device_alerts
"""

import os
import shutil
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures"))
import mpsit  # noqa: E402
from mail import MailServer  # noqa: E402
from mpsit import add_user, login, wait_for  # noqa: E402
from peers import IppEvePrinter, MpsServer  # noqa: E402


@unittest.skipUnless(shutil.which("ippeveprinter"), "ippeveprinter missing")
class DeviceAlertsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = mpsit.make_dir("mps-alerts-it-")
        cls.server = cls.mfp = cls.mail = None
        try:
            cls.mail = MailServer(user="mps", password="relay-pw")
            ini = os.path.join(cls.tmp, "server.ini")
            with open(ini, "w") as f:
                f.write("[devices]\npoll-seconds=1\nbackoff-max-seconds=2\nlow-percent=15\n"
                        "alert-recipients=facilities@example.test\n\n")
                f.write(cls.mail.config_lines())
            cls.ini = ini
            cls.server = MpsServer(extra_args=["--config", ini])
            add_user(cls.server, "kim", role="admin")
            cls.server.admin("user", "edit", "kim", "--email", "kim@example.test")
            cls.mfp = IppEvePrinter("mfp1", settle=False)
            cls.server.admin("printer", "add", "mfp1", "--uri", cls.mfp.uri, "--location", "Main/3F East")
            cls.kim = login(cls.server, "kim")
        except BaseException:
            cls.tearDownClass()
            raise

    @classmethod
    def tearDownClass(cls):
        for peer in (cls.mfp, cls.server, cls.mail):
            if peer:
                peer.close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    # -- helpers
    def device(self):
        status, body = self.kim.get("devices")
        self.assertEqual(status, 200, body)
        return next((d for d in body["devices"] if d["name"] == "mfp1"), None)

    def wait_device(self, predicate, what, timeout=30):
        last = {}

        def check():
            d = self.device()
            last["d"] = d
            return d if d and predicate(d) else None
        return wait_for(check, timeout, what, 0.2, lambda: f"last: {last.get('d')}\n{mpsit.log_tail(self.server)}")

    def wait_polls(self, n):
        """Waits until the monitor has polled mfp1 n more times (its `checked` moved on n times)."""
        seen = []

        def check():
            d = self.device()
            if d and d["checked"] and (not seen or seen[-1] != d["checked"]):
                seen.append(d["checked"])
            return len(seen) > n
        wait_for(check, 30, f"{n} more polls of mfp1", 0.2, lambda: mpsit.log_tail(self.server))

    def open_alerts(self):
        status, body = self.kim.get("devices/alerts")
        self.assertEqual(status, 200, body)
        return body["alerts"]

    def mails_about(self, text):
        return [m for m in self.mail.messages() if text in m.subject]

    # -- tests
    def test_1_toner_low_one_mail_not_repeated(self):
        self.wait_device(lambda d: d["reachable"] and d["supplies"], "mfp1 polled with supplies")
        self.mfp.set_supplies(black=8)
        alert = wait_for(lambda: next((a for a in self.open_alerts() if a["kind"] == "supply-low"), None), 30,
                         "a supply-low alert", 0.2, lambda: mpsit.log_tail(self.server))
        self.assertEqual(alert["printer"], "mfp1")
        self.assertEqual(alert["location"], "Main/3F East")
        self.assertEqual(alert["level"], 8)
        supply = alert["subject"]
        (mail,) = self.mail.wait_for_messages(1, 30, where=lambda m: "Supply low" in m.subject)
        self.assertIn("mfp1", mail.subject)
        self.assertIn(supply, mail.subject)
        self.assertIn("Main/3F East", mail.text)
        self.assertIn("남은 양 8%", mail.text)
        self.assertIn("8% left", mail.text)
        self.assertTrue(mail.tls)
        self.assertEqual(mail.auth_user, "mps")
        self.assertEqual(sorted(mail.rcpt_to), ["facilities@example.test", "kim@example.test"])
        # Polls go on, the toner stays low: no second alert, no second mail.
        self.wait_polls(3)
        self.assertEqual(len([a for a in self.open_alerts() if a["kind"] == "supply-low"]), 1)
        self.assertEqual(len(self.mails_about("Supply low")), 1)
        listed = self.server.admin("alerts", "list").stdout
        self.assertIn("supply-low:", listed)
        self.assertIn("mfp1", listed)

    def test_2_jam_then_all_clear(self):
        self.wait_device(lambda d: d["reachable"], "mfp1 reachable")
        self.mfp.jam(now=True)
        (opened,) = self.mail.wait_for_messages(1, 30, where=lambda m: "paper jam" in m.subject)
        self.assertIn("mfp1", opened.subject)
        self.assertIn("용지 걸림", opened.text)
        self.assertTrue(any(a["condition"] == "fault:media-jam" for a in self.open_alerts()))
        self.mfp.clear_jam()
        (cleared,) = self.mail.wait_for_messages(
            1, 30, where=lambda m: "All clear" in m.subject and "paper jam" in m.subject)
        self.assertIn("해결됨", cleared.subject)
        self.assertFalse(any(a["condition"] == "fault:media-jam" for a in self.open_alerts()))
        self.assertEqual(len([m for m in self.mail.messages() if "paper jam" in m.subject]), 2)

    def test_3_mail_test_command(self):
        out = self.server.admin("--config", self.ini, "mail", "test", "probe@example.test").stdout
        self.assertIn("250", out)
        (probe,) = self.mail.wait_for_messages(1, 30, where=lambda m: "probe@example.test" in m.rcpt_to)
        self.assertIn("Mail settings test", probe.subject)


if __name__ == "__main__":
    unittest.main()
