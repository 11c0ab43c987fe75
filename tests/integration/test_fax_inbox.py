"""PC-fax receiving (issue 9 §2, docs/fax.md "Receiving"): a real mps-server, the real FaxRcvdCmd hook
(mps-fax-received) and real mps-admin; fax TIFFs made with ImageMagick (G4 and G3, 204x98 dpi) and
tagged with tiffset the way HylaFAX+'s faxgetty tags them (ImageDescription = TSI, FaxSubAddress).
Run from tests/integration:

    MPS_BUILD_DIR=/work/main/build PYTHONPATH=../fixtures /usr/bin/python3 -m unittest -v test_fax_inbox
"""

import http.client
import json
import os
import shutil
import struct
import subprocess
import tempfile
import unittest

from hylafax import HylaFaxInstance
from peers import MpsServer

import mpsit
from mpsit import EventStream, add_user, login, wait_for

try:
    from hylafax import FaxLoop
    HAVE_LOOP = True
except ImportError:
    HAVE_LOOP = False
HAVE_HYLAFAX = shutil.which("faxgetty") is not None or os.path.exists("/usr/sbin/faxgetty")

GATEWAY = "gw-test"


def make_fax_tiff(directory, name, pages, subaddress=None, tsi=None, compression="Group4"):
    """A fax TIFF of `pages` pages (1728 px wide, 204x98 dpi) made by ImageMagick, tagged by tiffset."""
    pngs = []
    for n in range(1, pages + 1):
        png = os.path.join(directory, f"{name}-{n}.png")
        subprocess.run(["convert", "-size", "1728x1100", "xc:white", "-fill", "black", "-pointsize", "48",
                        "-draw", f"text 120,200 'Fax {name} page {n} of {pages}'",
                        "-draw", f"rectangle {100 + 60 * n},400 {600 + 60 * n},700", png],
                       check=True)
        pngs.append(png)
    path = os.path.join(directory, f"{name}.tif")
    subprocess.run(["convert", *pngs, "-monochrome", "-compress", compression, "-units", "PixelsPerInch",
                    "-density", "204x98", path], check=True)
    if tsi is not None:
        subprocess.run(["tiffset", "-s", "270", tsi, path], check=True)
    if subaddress is not None:
        subprocess.run(["tiffset", "-s", "34909", subaddress, path], check=True)
    return path


def png_size(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n", data[:16]
    return struct.unpack(">II", data[16:24])


class FaxInboxTest(unittest.TestCase):
    def setUp(self):
        self.build = os.environ["MPS_BUILD_DIR"]
        self.hook_bin = os.path.join(self.build, "installer", "mps-fax-received")
        self.assertTrue(os.access(self.hook_bin, os.X_OK), self.hook_bin)
        self.tmp = tempfile.mkdtemp(prefix="mps-fax-inbox-")
        self.addCleanup(shutil.rmtree, self.tmp, True)
        self.server = MpsServer()
        self.addCleanup(self.server.close)
        add_user(self.server, "kim", department="CIVIL")
        add_user(self.server, "lee", department="CIVIL")
        add_user(self.server, "park", department="FIN")
        add_user(self.server, "choi", department="IT", role="admin")
        self.token = self.gateway_token()
        self.pending = os.path.join(self.tmp, "pending")
        self.token_file = os.path.join(self.tmp, "gateway.token")
        self.write_token(self.token)
        self.conf = os.path.join(self.tmp, "fax-gateway.conf")
        with open(self.conf, "w") as f:
            f.write("# the fax gateway's hook configuration\n"
                    f"server = {self.server.base_url}\n"
                    f"gateway = {GATEWAY}\n"
                    f"token-file = {self.token_file}\n"
                    f"pending-dir = {self.pending}\n")
        self.commid = 0

    # ------------------------------------------------------------------ helpers
    def admin(self, *args, **kw):
        return self.server.admin("fax", *args, **kw)

    def gateway_token(self):
        out = self.admin("gateway-token", GATEWAY).stdout
        self.assertIn("new token", out)
        return out.rsplit(": ", 1)[1].strip()

    def write_token(self, token):
        with open(self.token_file, "w") as f:
            f.write(token + "\n")
        os.chmod(self.token_file, 0o600)

    def hook(self, *args):
        env = dict(os.environ, MPS_FAX_GATEWAY_CONF=self.conf)
        return subprocess.run([self.hook_bin, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, timeout=120)

    def receive(self, tiff, caller="02-555-0100", name="GW-Line", did="3101", error="", commid=None):
        """Runs the hook as faxgetty does; returns (the CompletedProcess, the commid)."""
        if commid is None:
            self.commid += 1
            commid = f"{self.commid:09d}"
        res = self.hook(tiff, "ttyIAXA", commid, error, caller, name, did)
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertNotIn(self.token, res.stdout + res.stderr)
        return res, commid

    def pending_entries(self):
        if not os.path.isdir(self.pending):
            return []
        return sorted(f for f in os.listdir(self.pending) if not f.startswith("."))

    def inbox(self, api, unread=False):
        status, body = api.get("fax/inbox" + ("?unread=1" if unread else ""))
        self.assertEqual(status, 200, body)
        return body["faxes"]

    def get_bytes(self, api, path):
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=30)
        try:
            conn.request("GET", path, headers={"Authorization": f"Bearer {api.token}"})
            resp = conn.getresponse()
            return resp.status, resp.getheader("Content-Type", ""), resp.read()
        finally:
            conn.close()

    def pdf_pages(self, data):
        path = os.path.join(self.tmp, "fetched.pdf")
        with open(path, "wb") as f:
            f.write(data)
        return mpsit.pdf_pages(path)

    def post_tiff(self, token, data, commid="777", extra=None):
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "image/tiff",
                   "X-Mps-Gateway": GATEWAY, "X-Mps-Fax-Commid": commid, "X-Mps-Fax-Caller": "0255501",
                   "X-Mps-Fax-Did": "3101", "X-Mps-Fax-Error": ""}
        headers.update(extra or {})
        status, _, body = mpsit.http_post(self.server, "/api/v1/gateway/fax-received", data, headers)
        return status, json.loads(body) if body else None

    def events(self, api):
        stream = EventStream(self.server, api.token)
        self.addCleanup(stream.close)
        self.assertEqual(stream.status, 200)
        stream.connected.wait(10)
        return stream

    # ------------------------------------------------------------------ tests
    def test_did_routes_to_the_users_inbox_with_a_pdf_and_an_event(self):
        self.admin("route", "add", "did", "3101", "--user", "kim")
        kim, lee = login(self.server, "kim"), login(self.server, "lee")
        kim_events, lee_events = self.events(kim), self.events(lee)
        tiff = make_fax_tiff(self.tmp, "three", 3, tsi="+82 2 555 0100")
        res, commid = self.receive(tiff, did="3101")
        self.assertIn("delivered", res.stderr)
        self.assertEqual(self.pending_entries(), [])

        faxes = self.inbox(kim)
        self.assertEqual(len(faxes), 1, faxes)
        fax = faxes[0]
        self.assertEqual(fax["mailbox"]["type"], "user")
        self.assertEqual(fax["mailbox"]["code"], "kim")
        self.assertEqual(fax["pages"], 3)
        self.assertEqual(fax["did"], "3101")
        self.assertEqual(fax["tsi"], "+82 2 555 0100")
        self.assertEqual(fax["fromName"], "GW-Line")
        self.assertEqual(fax["fromNumber"], "02-555-0100")
        self.assertFalse(fax["read"])
        self.assertFalse(fax["partial"])

        event = kim_events.wait_event(lambda e: e["event"] == "fax-received", 15, "fax-received for kim")
        self.assertEqual(event["data"]["fax"]["id"], fax["id"])
        self.assertEqual(event["data"]["fax"]["pages"], 3)

        status, ctype, pdf = self.get_bytes(kim, f"/api/v1/fax/inbox/{fax['id']}/pdf")
        self.assertEqual(status, 200)
        self.assertEqual(ctype, "application/pdf")
        self.assertEqual(self.pdf_pages(pdf), 3)
        self.assertEqual(len(pdf), fax["size"])
        # The CCITT data is carried over: the PDF is about as large as the TIFF, not a raster of it.
        self.assertLess(len(pdf), os.path.getsize(tiff) * 1.1 + 2048)
        status, ctype, png = self.get_bytes(kim, f"/api/v1/fax/inbox/{fax['id']}/pages/2?width=300")
        self.assertEqual((status, ctype), (200, "image/png"))
        self.assertEqual(png_size(png)[0], 300)
        self.assertEqual(self.get_bytes(kim, f"/api/v1/fax/inbox/{fax['id']}/pages/4?width=300")[0], 404)

        # Someone else's fax does not exist for them.
        self.assertEqual(self.inbox(lee), [])
        self.assertEqual(lee.get(f"fax/inbox/{fax['id']}")[0], 404)
        self.assertEqual(self.get_bytes(lee, f"/api/v1/fax/inbox/{fax['id']}/pdf")[0], 404)
        self.assertEqual(lee.post(f"fax/inbox/{fax['id']}/read", {"read": True})[0], 404)
        self.assertEqual(lee.delete(f"fax/inbox/{fax['id']}")[0], 404)
        self.assertFalse([e for e in lee_events.events() if e["event"] == "fax-received"])

        # Read, unread, delete (the key goes, the fax is gone for good).
        status, body = kim.post(f"fax/inbox/{fax['id']}/read", {"read": True})
        self.assertEqual(status, 200, body)
        self.assertTrue(body["fax"]["read"])
        self.assertEqual(self.inbox(kim, unread=True), [])
        status, body = kim.post(f"fax/inbox/{fax['id']}/read", {"read": False})
        self.assertFalse(body["fax"]["read"])
        self.assertEqual(len(self.inbox(kim, unread=True)), 1)
        status, body = kim.delete(f"fax/inbox/{fax['id']}")
        self.assertEqual((status, body), (200, {"deleted": fax["id"]}))
        self.assertEqual(self.inbox(kim), [])
        self.assertEqual(self.get_bytes(kim, f"/api/v1/fax/inbox/{fax['id']}/pdf")[0], 404)
        # The gateway's retry of that call is not stored again.
        self.receive(tiff, did="3101", commid=commid)
        self.assertEqual(self.inbox(kim), [])

    def test_subaddress_goes_to_the_department_mailbox(self):
        self.admin("route", "add", "subaddress", "77", "--department", "CIVIL")
        self.admin("route", "add", "did", "3101", "--user", "park")
        kim, lee, park = login(self.server, "kim"), login(self.server, "lee"), login(self.server, "park")
        kim_events, lee_events = self.events(kim), self.events(lee)
        park_events = self.events(park)
        tiff = make_fax_tiff(self.tmp, "civil", 2, subaddress="77", tsi="SEOCHO GU")
        self.receive(tiff, did="3101")

        for api, stream in ((kim, kim_events), (lee, lee_events)):
            faxes = self.inbox(api)
            self.assertEqual(len(faxes), 1, faxes)
            self.assertEqual(faxes[0]["mailbox"], {"type": "department", "code": "CIVIL", "name": "CIVIL"})
            self.assertEqual(faxes[0]["subaddress"], "77")
            self.assertEqual(faxes[0]["pages"], 2)
            stream.wait_event(lambda e: e["event"] == "fax-received", 15, "fax-received for a member")
        fax_id = self.inbox(kim)[0]["id"]
        self.assertEqual(self.inbox(park), [])
        self.assertEqual(park.get(f"fax/inbox/{fax_id}")[0], 404)
        self.assertEqual(self.get_bytes(park, f"/api/v1/fax/inbox/{fax_id}/pdf")[0], 404)
        self.assertFalse([e for e in park_events.events() if e["event"] == "fax-received"])

        # kim reads it: lee hears of it and sees it read; lee deletes it: gone for kim too.
        self.assertEqual(kim.post(f"fax/inbox/{fax_id}/read", {"read": True})[0], 200)
        lee_events.wait_event(lambda e: e["event"] == "fax-inbox-changed" and e["data"]["id"] == fax_id, 15,
                              "fax-inbox-changed for lee")
        self.assertTrue(self.inbox(lee)[0]["read"])
        self.assertEqual(lee.delete(f"fax/inbox/{fax_id}")[0], 200)
        kim_events.wait_event(lambda e: e["event"] == "fax-inbox-changed", 15, "fax-inbox-changed for kim")
        self.assertEqual(self.inbox(kim), [])
        self.assertEqual(kim.get(f"fax/inbox/{fax_id}")[0], 404)

    def test_unrouted_fax_goes_to_the_admins(self):
        choi, kim = login(self.server, "choi"), login(self.server, "kim")
        tiff = make_fax_tiff(self.tmp, "lost", 1)
        res, _ = self.receive(tiff, did="9999")
        faxes = self.inbox(choi)
        self.assertEqual(len(faxes), 1)
        self.assertEqual(faxes[0]["mailbox"]["type"], "unrouted")
        self.assertEqual(self.inbox(kim), [])
        # A default route takes what nothing else matches.
        self.admin("route", "default", "--user", "kim")
        self.receive(tiff, did="9999")
        self.assertEqual(len(self.inbox(kim)), 1)
        self.assertEqual(len(self.inbox(choi)), 1)

    def test_blocked_senders_are_counted_not_stored(self):
        self.admin("route", "default", "--user", "kim")
        kim = login(self.server, "kim")
        out = self.admin("block", "add", "--number", "02-555-0199").stdout
        self.assertIn("added", out)
        tiff = make_fax_tiff(self.tmp, "junk", 1, tsi="CHEAP LOANS")
        res, _ = self.receive(tiff, caller="025550199")
        self.assertIn("blocked", res.stderr)
        self.assertEqual(self.inbox(kim), [])
        self.assertEqual(self.pending_entries(), [])
        line = self.admin("block", "list").stdout.strip().splitlines()[0].split("\t")
        self.assertEqual(line[1:5], ["02-555-0199", "-", "global", "1"])

        # kim's own block by TSI; another sender gets through.
        status, body = kim.post("fax/blocked", {"tsi": "cheap loans"})
        self.assertEqual(status, 201, body)
        self.receive(tiff, caller="0311234567")
        self.assertEqual(self.inbox(kim), [])
        status, body = kim.get("fax/blocked")
        mine = [b for b in body["blocked"] if b["scope"] == "personal"]
        self.assertEqual([(b["tsi"], b["hits"]) for b in mine], [("cheap loans", 1)])
        self.assertEqual(kim.post("fax/blocked", {"number": "0212345678", "scope": "global"})[0], 403)
        ok = make_fax_tiff(self.tmp, "ok", 1, tsi="CITY HALL")
        self.receive(ok, caller="0311234567")
        faxes = self.inbox(kim)
        self.assertEqual(len(faxes), 1)

        # Block that sender from the inbox: the next fax from them is not stored.
        status, body = kim.post(f"fax/inbox/{faxes[0]['id']}/block")
        self.assertEqual(status, 200, body)
        self.assertEqual(body["blocked"]["number"], "0311234567")  # as the gateway reported it
        self.receive(ok, caller="031-123-4567")
        self.assertEqual(len(self.inbox(kim)), 1)
        self.assertEqual(kim.delete(f"fax/blocked/{body['blocked']['id']}")[0], 200)
        self.receive(ok, caller="031-123-4567")
        self.assertEqual(len(self.inbox(kim)), 2)

    def test_the_same_call_is_stored_once(self):
        self.admin("route", "default", "--user", "kim")
        kim = login(self.server, "kim")
        tiff = make_fax_tiff(self.tmp, "twice", 2)
        res1, commid = self.receive(tiff)
        res2, _ = self.receive(tiff, commid=commid)
        self.assertIn("already there", res2.stderr)
        self.assertEqual(len(self.inbox(kim)), 1)
        status, body = self.post_tiff(self.token, open(tiff, "rb").read(), commid=commid)
        self.assertEqual((status, body), (200, {"duplicate": True}))

    def test_server_down_keeps_the_fax_pending_until_flush(self):
        self.admin("route", "default", "--user", "kim")
        first = make_fax_tiff(self.tmp, "early", 1)
        second = make_fax_tiff(self.tmp, "late", 2)
        self.server.stop()
        res, c1 = self.receive(first)
        self.assertIn("stays pending", res.stderr)
        res, c2 = self.receive(second)
        entries = self.pending_entries()
        self.assertEqual(len(entries), 4, entries)
        self.assertTrue(entries[0].endswith(f"{c1}.json") and entries[2].endswith(f"{c2}.json"), entries)
        self.server.start()
        res = self.hook("--flush")
        self.assertEqual(res.returncode, 0, res.stderr)
        self.assertEqual(self.pending_entries(), [])
        kim = login(self.server, "kim")
        faxes = self.inbox(kim)
        # Oldest first: the early fax was stored first (the list is newest first).
        self.assertEqual([f["pages"] for f in faxes], [2, 1])
        self.assertLess(faxes[1]["id"], faxes[0]["id"])
        self.assertEqual(self.hook("--flush").returncode, 0)
        self.assertEqual(len(self.inbox(kim)), 2)

    def test_https_with_a_pinned_certificate(self):
        self.admin("route", "default", "--user", "kim")
        kim = login(self.server, "kim")
        der = subprocess.run(["openssl", "x509", "-in", os.path.join(self.server.data_dir, "tls", "server.crt"),
                              "-outform", "DER"], check=True, stdout=subprocess.PIPE).stdout
        import hashlib
        pin = ":".join(f"{b:02X}" for b in hashlib.sha256(der).digest())
        wrong = ":".join(["AB"] * 32)
        https = self.server.base_url.replace("http://", "https://")
        tiff = make_fax_tiff(self.tmp, "tls", 1)
        for fingerprint, delivered in ((wrong, False), (pin, True)):
            with open(self.conf, "w") as f:
                f.write(f"server = {https}\ngateway = {GATEWAY}\ntoken-file = {self.token_file}\n"
                        f"pending-dir = {self.pending}\ncertificate-sha256 = {fingerprint}\n")
            res = self.hook("--flush") if delivered else self.receive(tiff)[0]
            self.assertEqual(res.returncode, 0, res.stderr)
            self.assertEqual(self.pending_entries() == [], delivered, res.stderr)
            self.assertEqual(len(self.inbox(kim)), 1 if delivered else 0)

    def test_gateway_tokens(self):
        tiff = open(make_fax_tiff(self.tmp, "tok", 1), "rb").read()
        self.assertEqual(self.post_tiff("not-a-token", tiff)[0], 401)
        self.assertEqual(self.post_tiff("", tiff)[0], 401)
        kim = login(self.server, "kim")
        self.assertEqual(self.post_tiff(kim.token, tiff)[0], 401)  # a user's session is not a gateway
        # A new token: the old one stops working; the hook keeps the fax until it has the new one.
        old = self.token
        self.token = self.gateway_token()
        self.assertEqual(self.post_tiff(old, tiff, commid="1")[0], 401)
        res, _ = self.receive(os.path.join(self.tmp, "tok.tif"))
        self.assertIn("401", res.stderr)
        self.assertEqual(len(self.pending_entries()), 2)
        self.write_token(self.token)
        self.assertEqual(self.hook("--flush").returncode, 0)
        self.assertEqual(self.pending_entries(), [])
        status, body = self.post_tiff(self.token, tiff, commid="2")
        self.assertEqual(status, 201, body)
        self.assertEqual(body["routedTo"], "unrouted")

    def test_not_a_fax_is_refused(self):
        with open(os.path.join(self.tmp, "x.png"), "wb") as f:
            pass
        subprocess.run(["convert", "-size", "64x64", "xc:white", os.path.join(self.tmp, "x.png")], check=True)
        png = open(os.path.join(self.tmp, "x.png"), "rb").read()
        status, body = self.post_tiff(self.token, png)
        self.assertEqual((status, body["error"]), (422, "bad-document"))
        grey = os.path.join(self.tmp, "grey.tif")
        subprocess.run(["convert", "-size", "300x200", "gradient:", "-compress", "LZW", grey], check=True)
        status, body = self.post_tiff(self.token, open(grey, "rb").read())
        self.assertEqual((status, body["error"]), (422, "bad-document"))
        # The hook sets such a fax aside instead of retrying it for ever.
        res, _ = self.receive(grey)
        self.assertEqual(self.pending_entries(), ["rejected"])

    def test_partial_reception_and_g3(self):
        self.admin("route", "default", "--user", "kim")
        kim = login(self.server, "kim")
        tiff = make_fax_tiff(self.tmp, "g3", 2, compression="Fax")
        self.receive(tiff, error="RSPREC error/got DCN")
        fax = self.inbox(kim)[0]
        self.assertTrue(fax["partial"])
        self.assertEqual(fax["error"], "RSPREC error/got DCN")
        status, _, pdf = self.get_bytes(kim, f"/api/v1/fax/inbox/{fax['id']}/pdf")
        self.assertEqual(self.pdf_pages(pdf), 2)

    def test_forward_sends_the_fax_on(self):
        self.admin("route", "default", "--user", "kim")
        kim = login(self.server, "kim")
        self.receive(make_fax_tiff(self.tmp, "fwd", 2))
        fax = self.inbox(kim)[0]
        to = {"recipients": [{"name": "Seocho", "number": "02-123-4567"}]}
        status, body = kim.post(f"fax/inbox/{fax['id']}/forward", to)
        self.assertEqual((status, body["error"]), (503, "fax-disabled"))

        # The same data directory behind a server with a real HylaFAX+ gateway (queues without a modem).
        gateway = HylaFaxInstance()
        self.addCleanup(gateway.close)
        self.server.stop()
        server = MpsServer(data_dir=self.server.data_dir,
                           extra_args=["--fax-gateway", "hylafax", "--fax-host", "127.0.0.1", "--fax-port",
                                       str(gateway.port), "--fax-user", "mps", "--fax-poll-seconds", "1"])
        self.addCleanup(server.close)
        kim = login(server, "kim")
        lee = login(server, "lee")
        self.assertEqual(lee.post(f"fax/inbox/{fax['id']}/forward", to)[0], 404)
        status, body = kim.post(f"fax/inbox/{fax['id']}/forward", {"recipients": [{"number": "12"}]})
        self.assertEqual((status, body["error"]), (400, "invalid-number"), body)
        status, body = kim.post(f"fax/inbox/{fax['id']}/forward", to)
        self.assertEqual(status, 202, body)
        self.assertEqual(len(body["faxes"]), 1)
        sent = body["faxes"][0]
        self.assertEqual(sent["number"], "02-123-4567")
        self.assertEqual(sent["pagesTotal"], 2)
        wait_for(lambda: kim.get(f"fax/sent/{sent['id']}")[1]["fax"]["state"] != "queued", 60,
                 "the forwarded fax handed to the gateway", 0.2, lambda: mpsit.log_tail(server))

    def test_print_makes_a_held_job(self):
        self.admin("route", "default", "--user", "kim")
        kim = login(self.server, "kim")
        self.receive(make_fax_tiff(self.tmp, "print", 2))
        fax = self.inbox(kim)[0]
        self.assertEqual(mpsit.all_jobs(kim, history=True), [])
        status, body = kim.post(f"fax/inbox/{fax['id']}/print")
        self.assertEqual(status, 201, body)
        self.assertEqual(body["job"]["state"], "held")
        self.assertEqual(body["job"]["pages"], 2)
        jobs = mpsit.all_jobs(kim)
        self.assertEqual([(j["id"], j["state"]) for j in jobs], [(body["job"]["id"], "held")])
        lee = login(self.server, "lee")
        self.assertEqual(lee.post(f"fax/inbox/{fax['id']}/print")[0], 404)

    def test_admin_fax_commands(self):
        for verb, words in ((None, ["route", "block", "gateway-token", "--outside-prefix"]),
                            ("settings", ["--outside-prefix", "--no-outside-prefix", "--extension-digits",
                                          "--keep-days"]),
                            ("route", ["--user", "--department", "default", "remove"]),
                            ("block", ["--number", "--tsi", "remove"]),
                            ("gateway-token", ["NAME"])):
            args = ["fax"] + ([verb] if verb else []) + ["--help"]
            out = self.server.admin(*args).stdout
            for w in words:
                self.assertIn(w, out, args)
        out = self.admin("settings", "--outside-prefix", "9", "--extension-digits", "3", "--keep-days", "10").stdout
        self.assertIn("outside-prefix\t9", out)
        self.assertIn("extension-digits\t3", out)
        self.assertIn("keep-days\t10", out)
        out = self.admin("settings", "--no-outside-prefix").stdout
        self.assertIn("outside-prefix\t(none)", out)
        self.assertIn("keep-days\t10", out)
        self.assertNotEqual(self.admin("settings", "--extension-digits", "x", check=False).returncode, 0)

        self.admin("route", "add", "did", "3101", "--user", "kim")
        self.admin("route", "add", "subaddress", "77", "--department", "CIVIL")
        self.admin("route", "default", "--department", "FIN")
        self.assertEqual(self.admin("route", "list").stdout.splitlines(),
                         ["default\t-\tdepartment FIN", "did\t3101\tuser kim", "subaddress\t77\tdepartment CIVIL"])
        self.assertNotEqual(self.admin("route", "add", "did", "31x", "--user", "kim", check=False).returncode, 0)
        self.assertNotEqual(self.admin("route", "add", "did", "3102", "--user", "nobody", check=False).returncode, 0)
        self.assertNotEqual(self.admin("route", "add", "did", "3102", check=False).returncode, 0)
        self.admin("route", "remove", "did", "3101")
        self.assertNotIn("3101", self.admin("route", "list").stdout)
        self.assertNotEqual(self.admin("route", "remove", "did", "3101", check=False).returncode, 0)

        self.admin("block", "add", "--tsi", "SPAM")
        block_id = self.admin("block", "list").stdout.split("\t")[0]
        self.admin("block", "remove", block_id)
        self.assertEqual(self.admin("block", "list").stdout, "")
        self.assertNotEqual(self.admin("block", "add", "--number", "abc", check=False).returncode, 0)


@unittest.skipUnless(HAVE_LOOP and HAVE_HYLAFAX and shutil.which("iaxmodem") and os.geteuid() == 0,
                     "needs root, HylaFAX+, iaxmodem and tests/fixtures/hylafax.py")
class FaxLoopInboxTest(unittest.TestCase):
    """A real fax call: the remote HylaFAX+ dials the gateway's DID with a sub-address over the iaxmodem
    loop, faxgetty receives and runs the real hook as its FaxRcvdCmd, the fax lands in the inbox."""

    def test_a_real_call_lands_in_the_inbox(self):
        hook_bin = os.path.join(os.environ["MPS_BUILD_DIR"], "installer", "mps-fax-received")
        tmp = tempfile.mkdtemp(prefix="mps-fax-loop-")
        self.addCleanup(shutil.rmtree, tmp, True)
        os.chmod(tmp, 0o755)
        server = MpsServer()
        self.addCleanup(server.close)
        add_user(server, "kim", department="CIVIL")
        add_user(server, "park", department="FIN")
        server.admin("fax", "route", "add", "subaddress", "77", "--department", "CIVIL")
        server.admin("fax", "route", "add", "did", "3101", "--user", "park")
        token = server.admin("fax", "gateway-token", GATEWAY).stdout.rsplit(": ", 1)[1].strip()
        # faxgetty runs the hook as uucp: the token and the pending directory are uucp's, as installed.
        token_file = os.path.join(tmp, "gateway.token")
        with open(token_file, "w") as f:
            f.write(token + "\n")
        pending = os.path.join(tmp, "pending")
        os.mkdir(pending, 0o700)
        for path in (token_file, pending):
            os.chown(path, 10, 10)
        os.chmod(token_file, 0o600)
        conf = os.path.join(tmp, "fax-gateway.conf")
        with open(conf, "w") as f:
            f.write(f"server = {server.base_url}\ngateway = {GATEWAY}\ntoken-file = {token_file}\n"
                    f"pending-dir = {pending}\n")
        os.chmod(conf, 0o644)
        loop = FaxLoop(hook=hook_bin, hook_env={"MPS_FAX_GATEWAY_CONF": conf})
        self.addCleanup(loop.close)
        pdf = os.path.join(tmp, "letter.pdf")
        shutil.copy(f"{mpsit.CUPS_DATA}/default-testpage.pdf", pdf)  # one page
        os.chmod(pdf, 0o644)
        job = loop.remote.sendfax("3101", pdf, subaddress="77")
        kim = login(server, "kim")
        faxes = wait_for(lambda: kim.get("fax/inbox")[1]["faxes"], 240, "the received fax in kim's inbox", 1.0,
                         lambda: f"{loop.logs()[-4000:]}\n{mpsit.log_tail(server)}")
        fax = faxes[0]
        self.assertEqual(fax["mailbox"]["code"], "CIVIL")  # the sub-address wins over the DID
        self.assertEqual(fax["subaddress"], "77")
        self.assertEqual(fax["did"], "3101")
        self.assertEqual(fax["pages"], 1)
        self.assertEqual(fax["tsi"], "+82 5550200")  # the remote's LocalIdentifier
        self.assertEqual(fax["fromName"], "Remote-Line")
        self.assertFalse(fax["partial"])
        self.assertEqual(os.listdir(pending), [".flush.lock"] if os.path.exists(
            os.path.join(pending, ".flush.lock")) else [])
        received = loop.gateway.received_tiffs()
        self.assertEqual(len(received), 1)
        if os.environ.get("MPS_SAVE_FAXGETTY_TIFF"):
            shutil.copy(received[0], os.environ["MPS_SAVE_FAXGETTY_TIFF"])
        park = login(server, "park")
        self.assertEqual(park.get("fax/inbox")[1]["faxes"], [])
        loop.remote.wait_job(job)


if __name__ == "__main__":
    unittest.main()
