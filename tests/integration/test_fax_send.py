"""PC-fax sending (docs/fax.md) against real peers: mps-server of this build talking to a real HylaFAX+
(faxq + hfaxd of tests/fixtures/hylafax.py, no modem: jobs are accepted and stay queued, which is what
these tests look at). Run from tests/integration (as root: faxq needs it):

    MPS_BUILD_DIR=/work/main/build PYTHONPATH=../fixtures /usr/bin/python3 -m unittest -v test_fax_send
"""

import os
import shutil
import struct
import subprocess
import unittest
import urllib.request
from urllib.parse import quote

from peers import MpsServer

import mpsit
from mpsit import add_user, log_tail, login, wait_for

try:
    from hylafax import FINAL_STATES, HylaFaxInstance
    HAVE_FIXTURE = True
except ImportError:  # the fixture lands with the HylaFAX+ driver
    HAVE_FIXTURE = False

HAVE_HYLAFAX = shutil.which("faxq") is not None or os.path.exists("/usr/sbin/faxq")
HAVE_SOFFICE = shutil.which("soffice") is not None
CUPS_DATA = "/usr/share/cups/data"


def png_size(data):
    """(width, height) from a PNG's IHDR; fails on anything that is not a PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", data[:16]
    return struct.unpack(">II", data[16:24])


@unittest.skipUnless(HAVE_FIXTURE and HAVE_HYLAFAX and os.geteuid() == 0,
                     "needs tests/fixtures/hylafax.py, HylaFAX+ and root")
class FaxSendTest(unittest.TestCase):
    def setUp(self):
        self.tmp = mpsit.make_dir("mps-fax-send-")
        self.addCleanup(shutil.rmtree, self.tmp, True)
        self.gateway = HylaFaxInstance()
        self.addCleanup(self.gateway.close)
        self.server = MpsServer(extra_args=["--fax-gateway", "hylafax", "--fax-host", "127.0.0.1",
                                            "--fax-port", str(self.gateway.port), "--fax-user", "mps",
                                            "--fax-poll-seconds", "1"])
        self.addCleanup(self.server.close)
        add_user(self.server, "kim", department="Civil Affairs")
        add_user(self.server, "lee", department="IT")
        self.kim = login(self.server, "kim")
        self.lee = login(self.server, "lee")

    def detail(self):
        return f"gateway jobs: {self.gateway.jobs()}\n{self.gateway.logs()}\n{log_tail(self.server)}"

    def get_bytes(self, api, path):
        """GET with the caller's token -> (status, raw bytes): PNG answers must not be decoded."""
        req = urllib.request.Request(api.url(path), headers={"Authorization": f"Bearer {api.token}"})
        try:
            with api._opener.open(req, timeout=30) as resp:
                return resp.status, resp.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()

    def upload_draft(self, api, path, name, content_type="application/pdf"):
        with open(path, "rb") as f:
            return api.post(f"fax/drafts?name={quote(name)}", raw=f.read(), headers={"Content-Type": content_type})

    def fax(self, api, fax_id):
        status, body = api.get(f"fax/sent/{fax_id}")
        return body["fax"] if status == 200 else None

    def gateway_job(self, fax_id):
        for j in self.gateway.jobs():
            if j["tag"] == f"mps-fax-{fax_id}":
                return j
        return None

    def test_send_to_two_numbers_and_cancel(self):
        status, settings = self.kim.get("fax/settings")
        self.assertEqual(status, 200, settings)
        self.assertEqual((settings["enabled"], settings["gateway"]), (True, "hylafax"))
        document = mpsit.make_multipage_pdf(self.tmp)  # 3 pages
        status, body = self.upload_draft(self.kim, document, "report.pdf")
        self.assertEqual(status, 201, body)
        draft = body["draft"]
        self.assertEqual((draft["pages"], draft["documentPages"], draft["hasCover"]), (3, 3, False))
        draft_id = draft["id"]

        # The cover: one page, numbered first. Two pages are refused.
        with open(f"{CUPS_DATA}/default-testpage.pdf", "rb") as f:
            cover = f.read()
        self.assertEqual(mpsit.pdf_pages(f"{CUPS_DATA}/default-testpage.pdf"), 1)
        status, body = self.kim.put(f"fax/drafts/{draft_id}/cover", raw=cover,
                                    headers={"Content-Type": "application/pdf"})
        self.assertEqual(status, 200, body)
        self.assertEqual((body["draft"]["pages"], body["draft"]["hasCover"]), (4, True))
        with open(document, "rb") as f:
            status, body = self.kim.put(f"fax/drafts/{draft_id}/cover", raw=f.read(),
                                        headers={"Content-Type": "application/pdf"})
        self.assertEqual((status, body.get("error")), (422, "bad-cover"), body)

        # Page previews, cover first; out of range is 404.
        for page in (1, 4):
            status, png = self.get_bytes(self.kim, f"fax/drafts/{draft_id}/pages/{page}?width=300")
            self.assertEqual(status, 200, png[:200])
            self.assertEqual(png_size(png)[0], 300)
        status, _ = self.get_bytes(self.kim, f"fax/drafts/{draft_id}/pages/5")
        self.assertEqual(status, 404)

        # Someone else sees nothing of it.
        self.assertEqual(self.lee.get(f"fax/drafts/{draft_id}")[0], 404)
        self.assertEqual(self.get_bytes(self.lee, f"fax/drafts/{draft_id}/pages/1")[0], 404)
        status, body = self.lee.post(f"fax/drafts/{draft_id}/send",
                                     {"recipients": [{"name": "x", "number": "02-123-4567"}]})
        self.assertEqual(status, 404, body)

        # One bad number sends nothing.
        status, body = self.kim.post(f"fax/drafts/{draft_id}/send", {"recipients": [
            {"name": "서초구청", "number": "02-123-4567"}, {"name": "bad", "number": "099-123-4567"}]})
        self.assertEqual((status, body.get("error"), body.get("number"), body.get("reason")),
                         (400, "invalid-number", "099-123-4567", "bad-area-code"), body)
        self.assertEqual(self.kim.get("fax/sent")[1]["faxes"], [])

        status, body = self.kim.post(f"fax/drafts/{draft_id}/send", {"recipients": [
            {"name": "서초구청 민원과", "number": "(02) 123-4567"}, {"name": "Busan", "number": "051-765-4321#77"}]})
        self.assertEqual(status, 202, body)
        faxes = body["faxes"]
        self.assertEqual([f["state"] for f in faxes], ["queued", "queued"])
        self.assertEqual([f["number"] for f in faxes], ["02-123-4567", "051-765-4321#77"])
        self.assertEqual(self.kim.post(f"fax/drafts/{draft_id}/send", {"recipients": [
            {"number": "02-123-4567"}]})[0], 409)

        # Both reach HylaFAX+ (its queue holds them: no modem) and the server says submitted.
        for f in faxes:
            wait_for(lambda f=f: (self.fax(self.kim, f["id"]) or {}).get("state") == "submitted", 60,
                     f"fax {f['id']} submitted", 0.2, self.detail)
            job = wait_for(lambda f=f: self.gateway_job(f["id"]), 10, f"gateway job of fax {f['id']}", 0.2,
                           self.detail)
            self.assertNotIn(job["state"], FINAL_STATES, job)
        first, second = (self.gateway_job(f["id"]) for f in faxes)
        self.assertEqual(first["number"], "021234567", first)
        self.assertIn(second["number"], ("0517654321", "0517654321#77"), second)
        self.assertEqual(len(first["documents"]), 2, first)  # the cover, then the document

        # Someone else cannot see or cancel them.
        self.assertEqual(self.lee.get(f"fax/sent/{faxes[0]['id']}")[0], 404)
        self.assertEqual(self.lee.post(f"fax/sent/{faxes[0]['id']}/cancel")[0], 404)
        self.assertEqual(self.lee.get("fax/sent")[1]["faxes"], [])

        # Cancel: removed from HylaFAX+'s send queue, cancelled here; a second cancel is refused.
        status, body = self.kim.post(f"fax/sent/{faxes[0]['id']}/cancel")
        self.assertEqual(status, 200, body)
        self.assertEqual((body["fax"]["state"], body["fax"]["reasonCode"]), ("cancelled", "cancelled"))
        wait_for(lambda: (self.gateway_job(faxes[0]["id"]) or {"queue": "gone"})["queue"] != "sendq", 30,
                 "cancelled job out of the send queue", 0.2, self.detail)
        self.assertEqual(self.kim.post(f"fax/sent/{faxes[0]['id']}/cancel")[0], 409)
        self.assertIsNotNone(self.gateway_job(faxes[1]["id"]))
        self.assertEqual(self.gateway_job(faxes[1]["id"])["queue"], "sendq")

        # Resend of the cancelled one: a new fax of the same document, handed over again.
        status, body = self.kim.post(f"fax/sent/{faxes[0]['id']}/resend", {})
        self.assertEqual(status, 202, body)
        self.assertEqual(body["fax"]["resendOf"], faxes[0]["id"])
        wait_for(lambda: self.gateway_job(body["fax"]["id"]), 60, "resent fax at the gateway", 0.2, self.detail)
        sent = self.kim.get("fax/sent")[1]["faxes"]
        self.assertEqual(len(sent), 3)

    @unittest.skipUnless(HAVE_SOFFICE, "LibreOffice (soffice) is not installed")
    def test_a_page_too_costly_to_read_gets_a_placeholder_preview(self):
        # Page 1 draws with a font of 3 million widths (12 MB): qpdf reads what the page draws within its
        # budget (docs/server.md "Documents") before Poppler would, and cannot: the preview is a placeholder.
        from test_bounded_work import costly_pdfs
        path = os.path.join(self.tmp, "font.pdf")
        with open(path, "wb") as f:
            f.write(costly_pdfs()["font"])
        status, body = self.upload_draft(self.kim, path, "font.pdf")
        self.assertEqual(status, 201, body)
        draft_id = body["draft"]["id"]
        status, png = self.get_bytes(self.kim, f"fax/drafts/{draft_id}/pages/1?width=300")
        self.assertEqual(status, 200, png[:200])
        self.assertEqual(png_size(png)[0], 300)
        self.assertIn(f"fax draft {draft_id} page 1 preview is a placeholder: qpdf would take more than 256 MiB",
                      log_tail(self.server, 20000))

    def test_office_document_draft_is_converted(self):
        import office_samples
        src = os.path.join(self.tmp, "letter.fodt")
        with open(src, "w", encoding="utf-8") as f:
            f.write(office_samples.flat_text(["팩스 첫째 쪽", "둘째 쪽"]))
        docx = office_samples.soffice_convert(src, "docx", self.tmp)
        status, body = self.upload_draft(
            self.kim, docx, "letter.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        self.assertEqual(status, 201, body)
        self.assertEqual(body["draft"]["pages"], 2, body)
        status, png = self.get_bytes(self.kim, f"fax/drafts/{body['draft']['id']}/pages/2?width=64")
        self.assertEqual(status, 200)
        self.assertEqual(png_size(png)[0], 64)
        # JPEG is printable but not faxable.
        with open(f"{CUPS_DATA}/default-testpage.pdf", "rb") as f:
            pdf = f.read()
        self.assertTrue(pdf.startswith(b"%PDF"))
        jpeg = subprocess.run(["pdftoppm", "-jpeg", "-r", "20", "-singlefile",
                               f"{CUPS_DATA}/default-testpage.pdf"], check=True,
                              stdout=subprocess.PIPE).stdout
        status, body = self.kim.post("fax/drafts?name=p.jpg", raw=jpeg,
                                     headers={"Content-Type": "application/octet-stream"})
        self.assertEqual((status, body.get("error")), (422, "unsupported-format"), body)


@unittest.skipUnless(HAVE_FIXTURE and HAVE_HYLAFAX and os.geteuid() == 0,
                     "needs tests/fixtures/hylafax.py, HylaFAX+ and root")
class FaxGatewayAwayTest(unittest.TestCase):
    """A fax sent while the gateway is down stays queued, survives kill -9 of the server, and is handed
    over exactly once when the gateway comes up."""

    def test_queued_fax_survives_kill9_and_waits_for_the_gateway(self):
        from peers import free_port
        port = free_port()  # nothing listens there yet
        server = MpsServer(extra_args=["--fax-gateway", "hylafax", "--fax-port", str(port),
                                       "--fax-poll-seconds", "1"])
        self.addCleanup(server.close)
        add_user(server, "kim")
        kim = login(server, "kim")
        with open(f"{CUPS_DATA}/default-testpage.pdf", "rb") as f:
            status, body = kim.post("fax/drafts?name=a.pdf", raw=f.read(),
                                    headers={"Content-Type": "application/pdf"})
        self.assertEqual(status, 201, body)
        status, body = kim.post(f"fax/drafts/{body['draft']['id']}/send",
                                {"recipients": [{"name": "A", "number": "02-123-4567"}]})
        self.assertEqual(status, 202, body)
        fax_id = body["faxes"][0]["id"]
        # The dispatcher tries, cannot reach the gateway, and keeps the fax queued.
        wait_for(lambda: "not reached, trying again" in server.log(), 60, "a failed hand-over in the log", 0.2,
                 lambda: log_tail(server))
        self.assertEqual(kim.get(f"fax/sent/{fax_id}")[1]["fax"]["state"], "queued")
        server.kill9()
        server.start()
        kim = login(server, "kim")
        self.assertEqual(kim.get(f"fax/sent/{fax_id}")[1]["fax"]["state"], "queued")
        gateway = HylaFaxInstance(hfaxd_port=port)
        self.addCleanup(gateway.close)
        wait_for(lambda: kim.get(f"fax/sent/{fax_id}")[1]["fax"]["state"] == "submitted", 60,
                 "the fax handed over once the gateway is up", 0.2,
                 lambda: f"{gateway.jobs()}\n{log_tail(server)}")
        tagged = [j for j in gateway.jobs() if j["tag"] == f"mps-fax-{fax_id}"]
        self.assertEqual(len(tagged), 1, gateway.jobs())
        self.assertEqual(tagged[0]["number"], "021234567")


class FaxDisabledTest(unittest.TestCase):
    """Without [fax] gateway the server still keeps drafts but refuses to send."""

    def test_send_without_gateway(self):
        server = MpsServer()
        self.addCleanup(server.close)
        add_user(server, "kim")
        kim = login(server, "kim")
        status, body = kim.get("fax/settings")
        self.assertEqual((status, body["enabled"]), (200, False), body)
        with open(f"{CUPS_DATA}/default-testpage.pdf", "rb") as f:
            status, body = kim.post("fax/drafts?name=a.pdf", raw=f.read(), headers={"Content-Type": "application/pdf"})
        self.assertEqual(status, 201, body)
        status, body = kim.post(f"fax/drafts/{body['draft']['id']}/send",
                                {"recipients": [{"number": "02-123-4567"}]})
        self.assertEqual((status, body.get("error")), (503, "fax-disabled"), body)


if __name__ == "__main__":
    unittest.main()
