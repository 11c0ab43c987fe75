"""Scan to my e-mail (issue 11, docs/scan.md) end to end with real peers: pcscd + vpcd + a virtual card,
a real mps-server with [mail] pointing at aiosmtpd (STARTTLS, tests/fixtures/mail.py), an ippeveprinter
as the kiosk's MFP, and SANE's test backend as its scanner, driven by build/kiosk/mps-kiosk-driver
(the kiosk's C++ layer with the real CardReader and SaneScanner, no QML).

Card sign-in -> scan 3 pages from the feeder -> one mail to kim's own address with a 3-page PDF; the
kiosk offers no way to choose another address. pcscd is one per machine (RESOURCE_LOCK pcscd).

    MPS_BUILD_DIR=/work/main/build PYTHONPATH=../fixtures /usr/bin/python3 -m unittest -v test_kiosk_scan
"""

import os
import subprocess
import unittest

from mail import MailServer
from peers import IppEvePrinter, MpsServer

import mpsit
from mpsit import add_printer, add_user
from test_kiosk import KIM_CARD, KioskDriver, Pcscd, VirtualCard

KIM_MAIL = "kim@city.go.kr"


class KioskScanTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = mpsit.make_dir("mps-kiosk-scan-it-")
        cls.pcscd = cls.server = cls.mfp = cls.mail = None
        try:
            cls.pcscd = Pcscd()
            cls.mail = MailServer()
            ini = os.path.join(cls.tmp, "server.ini")
            with open(ini, "w") as f:
                f.write(cls.mail.config_lines())
            cls.server = MpsServer(extra_args=["--config", ini])
            add_user(cls.server, "kim", pin="482913", card=KIM_CARD)
            cls.server.admin("user", "edit", "kim", "--email", KIM_MAIL)
            cls.mfp = IppEvePrinter("mfp", settle=False)
            add_printer(cls.server, "mfp", cls.mfp, location="3F East")
            cls.token_file = mpsit.add_kiosk(cls.server, "k1", "mfp", cls.tmp)
            # SANE's test backend alone: its feeder holds 10 sheets; the kiosk takes 3 per scan here.
            sane = os.path.join(cls.tmp, "sane")
            os.makedirs(sane)
            with open(os.path.join(sane, "dll.conf"), "w") as f:
                f.write("test\n")
            os.environ["SANE_CONFIG_DIR"] = sane
        except BaseException:
            cls.tearDownClass()
            raise

    @classmethod
    def tearDownClass(cls):
        for peer in (cls.mfp, cls.server, cls.mail, cls.pcscd):
            if peer:
                peer.close()

    def test_card_scan_three_pages_to_my_own_address(self):
        kiosk = KioskDriver(self.server, self.token_file, "--scanner", "test", "--scan-max-pages", "3",
                            "--scanner-option", "test-picture=Grid")
        card = None
        try:
            kiosk.wait(lambda s: s["screen"] == "idle" and s["printer"] == "mfp", what="idle screen")
            card = VirtualCard(KIM_CARD)
            snap = kiosk.wait(lambda s: s["screen"] == "jobs" and s["user"] == "kim", 30, "kim signed in")
            self.assertTrue(snap["scanAvailable"])
            kiosk.send("scan-open")
            snap = kiosk.wait(lambda s: s["screen"] == "scan" and "feeder" in s["scanSources"], 30,
                              "the scan screen with the feeder")
            self.assertEqual(snap["scanAddress"], KIM_MAIL)
            kiosk.send("scan-source feeder")
            kiosk.send("scan-mode gray")
            kiosk.send("scan")
            snap = kiosk.wait(lambda s: s["scanPages"] == 3 and not s["scanning"] and s["scanUploading"] == 0
                              and s["scanId"] > 0, 120, "3 pages scanned and uploaded")
            self.assertEqual(snap["error"], "")
            # The server's scan goes to kim's own address, whatever the kiosk might ask for.
            self.assertEqual(snap["scanAddress"], KIM_MAIL)
            kiosk.send("scan-send")
            snap = kiosk.wait(lambda s: s["screen"] == "jobs" and KIM_MAIL in s["message"], 60, "sent")
            mails = self.mail.wait_for_messages(1, timeout=120)
            self.assertEqual(len(mails), 1)
            m = mails[0]
            self.assertEqual(m.rcpt_to, [KIM_MAIL])
            self.assertEqual(len(m.attachments), 1)
            name, mime, data = m.attachments[0]
            self.assertEqual(mime, "application/pdf")
            self.assertTrue(name.startswith("scan-") and name.endswith(".pdf"), name)
            pdf = os.path.join(self.tmp, "scan.pdf")
            with open(pdf, "wb") as f:
                f.write(data)
            info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
            pages = [line.split()[1] for line in info.splitlines() if line.startswith("Pages:")]
            self.assertEqual(pages, ["3"], info)
            # 80 x 100 mm scanned at 150 dpi: the page size follows the pixels and the resolution.
            size = [line for line in info.splitlines() if line.startswith("Page size:")][0]
            width, height = float(size.split()[2]), float(size.split()[4])
            self.assertAlmostEqual(width, 80 / 25.4 * 72, delta=2)
            self.assertAlmostEqual(height, 100 / 25.4 * 72, delta=2)
        finally:
            if card:
                card.remove()
            kiosk.close()


if __name__ == "__main__":
    unittest.main()
