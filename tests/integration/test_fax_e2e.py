"""PC-fax end to end through a real fax call (docs/fax.md, issue 9 §3).

The fax loop of tests/fixtures/hylafax.py: two HylaFAX+ instances joined by two iaxmodem software
modems on loopback (shared/peers.md, "Fax"). The "gateway" instance is the one mps-server talks to
(hfaxd client protocol) and the one whose faxgetty runs the receiving hook mps-fax-received
(FaxRcvdCmd, with a gateway token from `mps-admin fax gateway-token`); the "remote" instance plays
the fax machine outside. A real T.30 call takes ~45 s a page, so the set is small:

  (a) `lp -d MPS-Fax` a 1-page PDF as a local user -> the backend's outbox -> FaxAgent (the tray
      app's CaptureService and its real FaxDialog, offscreen: types the remote's number, clicks Send)
      -> mps-server -> HylaFAX+ -> the remote receives a TIFF of 1 page; the fax ends `sent` with
      pagesSent 1, and the usage ledger has a `fax-sent` row for the sender.
  (b) the remote sends 2 pages to a DID routed to a user -> that user's inbox has a PDF of 2 pages,
      and their SSE stream got `fax-received`.
  (c) a sub-address routed to a department: test_fax_inbox.test_a_real_call_lands_in_the_inbox makes
      that call (the sub-address wins over the user's DID; the department sees it, the DID's user
      does not), so it is not made twice (each call costs ~45 s of the CI run).
  (d) a sender the user blocked -> not stored (the hook is answered "blocked"; the block counts a hit).
  (e) a remote that never answers -> the fax ends `failed` with reasonCode `no-answer`.

Needs root (iaxmodem, faxq, faxgetty, cupsd running the backend, local users): without it the test
FAILS with a message, it does not skip (CI runs as root). Run by hand from tests/integration:

    MPS_BUILD_DIR=../../build PYTHONPATH=../fixtures /usr/bin/python3 -m unittest -v test_fax_e2e

MPS_KEEP_PEER_DIRS=1 keeps every log (server, HylaFAX session logs, the hook's, the agent's).
"""

import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import unittest
from urllib.parse import quote

import peers

import mpsit

SOURCE_DIR = os.environ.get("MPS_SOURCE_DIR") or os.path.abspath(
    os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(SOURCE_DIR, "tests", "capture"))
from desktop_session import DesktopSession  # noqa: E402

BUILD_DIR = os.environ.get("MPS_BUILD_DIR", "")
CAPTURE_BUILD_DIR = os.environ.get("MPS_CAPTURE_BUILD_DIR") or BUILD_DIR
FAX_AGENT = os.path.join(CAPTURE_BUILD_DIR, "tests", "capture", "FaxAgent")
BACKEND = os.path.join(CAPTURE_BUILD_DIR, "installer", "backend", "mps")
HOOK = os.path.join(BUILD_DIR, "installer", "mps-fax-received")
SETUP = os.path.join(SOURCE_DIR, "installer", "mps-queue-setup.sh")
CUPS_DATA = "/usr/share/cups/data"

SENDER = "mpsfax-ann"        # local user + MPS user: prints to MPS Fax
DID_USER = "mpsfax-lee"      # DID 3101
MEMBER = "mpsfax-park"       # member of department FAXDESK (sub-address 77)
BLOCKER = "mpsfax-choi"      # DID 3103, blocks the remote
PASSWORD = "fax-e2e-secret-1"
DEPARTMENT = "FAXDESK"
DID_ROUTED, DID_BLOCKER, SUBADDRESS = "3101", "3103", "77"
REMOTE_DIALLED = "02-555-0200"  # any digits ring the remote; this is what a person would type
GATEWAY_NAME = "hylafax-e2e"
CALL_TIMEOUT = 420  # one call with set-up and retraining, with room for a loaded machine


def hylafax_safe_dir(prefix):
    """A new temporary directory whose path has no '_' (HylaFAX turns '_' in device paths into '/')."""
    while True:
        path = tempfile.mkdtemp(prefix=prefix, dir=os.environ.get("MPS_PEER_TMP", "/tmp"))
        if "_" not in path:
            return path
        os.rmdir(path)


def _require_root_and_builds():
    """The end-to-end set needs root and the built programs: anything missing FAILS the run."""
    if os.geteuid() != 0:
        raise AssertionError("test_fax_e2e needs root (iaxmodem, faxq/faxgetty, cupsd running the mps "
                             "backend, throwaway local users): run it as root; it does not skip")
    missing = [p for p in (FAX_AGENT, BACKEND, HOOK) if not os.access(p, os.X_OK)]
    for tool in ("iaxmodem", "faxq", "hfaxd", "faxgetty", "sendfax", "tiffinfo", "pdfinfo", "cupsd"):
        if shutil.which(tool) is None and not os.path.exists(f"/usr/sbin/{tool}"):
            missing.append(tool)
    if missing:
        raise AssertionError(f"test_fax_e2e cannot run without: {', '.join(missing)} "
                             "(build FaxAgent, mps, mps-fax-received; installer/debian-packages.txt)")


def gateway_token(server, name):
    """A new gateway token from `mps-admin fax gateway-token NAME` (the last word it prints)."""
    out = server.admin("fax", "gateway-token", name).stdout
    words = out.split()
    if not words:
        raise AssertionError(f"no token in `mps-admin fax gateway-token {name}`: {out!r}")
    return words[-1]


def write_hook_config(hook_dir, server_url, gateway_name, token):
    """The configuration of mps-fax-received (what /etc/mps/fax-gateway.conf holds on a gateway) in
    `hook_dir`, with its token file and pending directory, all belonging to uucp (faxgetty runs the
    hook as uucp). Returns the configuration's path (for MPS_FAX_GATEWAY_CONF)."""
    os.makedirs(os.path.join(hook_dir, "pending"), exist_ok=True)
    token_file = os.path.join(hook_dir, "token")
    conf = os.path.join(hook_dir, "fax-gateway.conf")
    with open(token_file, "w") as f:
        f.write(token + "\n")
    with open(conf, "w") as f:
        f.write(f"server = {server_url}\ngateway = {gateway_name}\ntoken-file = {token_file}\n"
                f"pending-dir = {os.path.join(hook_dir, 'pending')}\n")
    uucp = pwd.getpwnam("uucp")
    for path in (hook_dir, os.path.join(hook_dir, "pending"), token_file, conf):
        os.chown(path, uucp.pw_uid, uucp.pw_gid)
    os.chmod(hook_dir, 0o755)
    os.chmod(os.path.join(hook_dir, "pending"), 0o700)
    os.chmod(token_file, 0o600)
    os.chmod(conf, 0o644)
    return conf


def tiff_pages(path):
    out = subprocess.run(["tiffinfo", path], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                         text=True, errors="replace").stdout
    return out.count("TIFF Directory at offset")


class FaxEndToEnd(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        _require_root_and_builds()
        from hylafax import FaxLoop  # tests/fixtures/hylafax.py (the gateway engineer's fixture)

        cls.dir = hylafax_safe_dir("mps-fax-e2e-")
        os.chmod(cls.dir, 0o755)
        if not os.environ.get("MPS_KEEP_PEER_DIRS"):
            cls.addClassCleanup(shutil.rmtree, cls.dir, True)
        cls.two_pages = os.path.join(cls.dir, "two-pages.pdf")
        subprocess.run(["pdfunite", f"{CUPS_DATA}/default-testpage.pdf", f"{CUPS_DATA}/standard.pdf",
                        cls.two_pages], check=True)
        os.chmod(cls.two_pages, 0o644)

        # The hook reads its configuration when a fax arrives: the file is written once the server
        # and its token exist (the server needs the loop's port first).
        cls.hook_dir = os.path.join(cls.dir, "hook")
        os.makedirs(cls.hook_dir)
        cls.hook_conf = os.path.join(cls.hook_dir, "fax-gateway.conf")
        loop_dir = os.path.join(cls.dir, "loop")
        cls.loop = FaxLoop(loop_dir, hook=HOOK, hook_env={"MPS_FAX_GATEWAY_CONF": cls.hook_conf})
        cls.addClassCleanup(cls.loop.close)

        cls.server = peers.MpsServer(extra_args=[
            "--fax-gateway", "hylafax", "--fax-host", "127.0.0.1", "--fax-port", str(cls.loop.gateway.port),
            "--fax-user", "mps", "--fax-poll-seconds", "1", "--fax-max-dials", "1", "--fax-max-tries", "1"])
        cls.addClassCleanup(cls.server.close)
        cls.write_hook_conf()

        admin = cls.server.admin
        admin("department", "add", DEPARTMENT, "--name", "민원 팩스")
        for user in (SENDER, DID_USER, MEMBER, BLOCKER):
            admin("user", "add", user, "--department", DEPARTMENT if user == MEMBER else "QA",
                  "--password-stdin", stdin=PASSWORD + "\n")
        admin("fax", "route", "add", "did", DID_ROUTED, "--user", DID_USER)
        admin("fax", "route", "add", "did", DID_BLOCKER, "--user", BLOCKER)
        admin("fax", "route", "add", "subaddress", SUBADDRESS, "--department", DEPARTMENT)

        # The desktop: a throwaway cupsd with both MPS queues (installer/mps-queue-setup.sh), and the
        # sender's session running FaxAgent.
        cls.serverbin = os.path.join(cls.dir, "serverbin")
        subprocess.run(["cp", "-a", "/usr/lib/cups", cls.serverbin], check=True)
        cls.outbox = os.path.join(cls.dir, "outbox")
        cls.runtime = os.path.join(cls.dir, "run")
        os.makedirs(cls.runtime, mode=0o755)
        cls.socket = os.path.join(cls.dir, "cups.sock")
        cls.cupsd = peers.Cupsd(
            serverbin=cls.serverbin, extra_conf=f"Listen {cls.socket}\nDefaultAuthType Basic\n",
            extra_files_conf=f"SetEnv MPS_OUTBOX_BASE {cls.outbox}\nSetEnv MPS_RUNTIME_BASE {cls.runtime}\n")
        cls.addClassCleanup(cls.cupsd.close)
        subprocess.run(["sh", SETUP, "install", "--backend", BACKEND, "--serverbin", cls.serverbin,
                        "--cupsd-conf", cls.cupsd.conf_path, "--reload", f"kill -HUP {cls.cupsd.proc.pid}",
                        "--outbox", cls.outbox], env=cls.cupsd.env(CUPS_SERVER=cls.socket), check=True,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
        peers.Cupsd.ensure_local_user(SENDER)
        cls.session = DesktopSession(SENDER, cls.dir, cls.runtime)
        cls.addClassCleanup(cls.session.close)
        cls.session.start_agent(FAX_AGENT, cls.server.base_url, PASSWORD,
                                os.path.join(cls.outbox, str(pwd.getpwnam(SENDER).pw_uid)),
                                extra_args=("--number", REMOTE_DIALLED, "--name", "Remote fax"))
        cls.session.wait_event(lambda e: e.get("event") == "started", 30, "capture started")

    @classmethod
    def write_hook_conf(cls):
        write_hook_config(cls.hook_dir, cls.server.base_url, GATEWAY_NAME,
                          gateway_token(cls.server, GATEWAY_NAME))

    # -- helpers
    def api(self, user):
        api = self.server.api()
        api.login(user, PASSWORD)
        return api

    def detail(self):
        return (f"gateway jobs: {self.loop.gateway.jobs()}\nremote jobs: {self.loop.remote.jobs()}\n"
                f"{self.loop.logs()}\n--- hook\n{self.hook_log()}\n--- server\n{mpsit.log_tail(self.server)}")

    def hook_log(self):
        pending = os.path.join(self.hook_dir, "pending")
        return f"pending: {os.listdir(pending) if os.path.isdir(pending) else 'no directory'}"

    def wait_fax_end(self, api, fax_id):
        def ended():
            status, body = api.get(f"fax/sent/{fax_id}")
            self.assertEqual(status, 200, body)
            return body["fax"] if body["fax"]["state"] in ("sent", "failed", "cancelled") else None
        return mpsit.wait_for(ended, CALL_TIMEOUT, f"fax {fax_id} to end", 0.5, self.detail)

    def inbox(self, api):
        status, body = api.get("fax/inbox")
        self.assertEqual(status, 200, body)
        return body["faxes"]

    def wait_inbox(self, api, predicate, what):
        return mpsit.wait_for(lambda: next((f for f in self.inbox(api) if predicate(f)), None),
                              CALL_TIMEOUT, what, 0.5, self.detail)

    def inbox_pdf_pages(self, api, fax_id):
        status, data = self.get_bytes(api, f"fax/inbox/{fax_id}/pdf")
        self.assertEqual(status, 200, data[:200])
        self.assertTrue(data.startswith(b"%PDF"), data[:16])
        path = os.path.join(self.dir, f"inbox-{fax_id}.pdf")
        with open(path, "wb") as f:
            f.write(data)
        return mpsit.pdf_pages(path)

    def get_bytes(self, api, path):
        import urllib.request
        req = urllib.request.Request(api.url(path), headers={"Authorization": f"Bearer {api.token}"})
        try:
            with api._opener.open(req, timeout=60) as resp:
                return resp.status, resp.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()

    def wait_lines_idle(self, *instances):
        """Waits until the modems of `instances` (default both) are idle again: right after a call
        faxgetty is still resetting its modem, and a call dialled then fails ("No local dialtone")
        and is retried by faxq only minutes later."""
        instances = instances or (self.loop.gateway, self.loop.remote)
        mpsit.wait_for(lambda: all(i.modem_idle() for i in instances), 120, "the fax lines idle", 0.2,
                       lambda: " / ".join(i.modem_status() for i in instances))

    def remote_sends(self, did, document, subaddress=None):
        """The outside fax machine sends `document` to DID `did` (the digits it dials arrive at the
        gateway as NDID); returns the remote's job once the call is over."""
        self.wait_lines_idle()
        job = self.loop.remote.sendfax(did, document, subaddress=subaddress)
        done = self.loop.remote.wait_job(job, timeout=CALL_TIMEOUT)
        self.assertEqual(done["state"], "DONE", f"{done}\n{self.detail()}")
        return done

    def usage_report_rows(self):
        """`mps-admin report usage --by user --csv` of this period: {user: row}. It lists the users
        with ledger rows in the period; its columns count print kinds only (printed, deleted,
        expired), so a user listed with no jobs has rows of another kind: for a user who only faxed,
        fax-sent. (No report shows fax pages by themselves yet.)"""
        import csv
        import io
        out = self.server.admin("report", "usage", "--by", "user", "--csv").stdout.lstrip("\ufeff")
        return {r["key"]: r for r in csv.DictReader(io.StringIO(out)) if r.get("key") not in ("", "total")}

    # -- (a) print to MPS Fax -> fax dialog -> sent through the gateway -> received by the remote
    def test_a_print_to_fax_reaches_the_remote(self):
        before = len(self.loop.remote.received_tiffs())
        self.wait_lines_idle()
        argv = ["runuser", "-u", SENDER, "--", "env", f"CUPS_SERVER={self.socket}", "lp", "-d", "MPS-Fax",
                "-t", "fax-e2e-one-page", "--", f"{CUPS_DATA}/default-testpage.pdf"]
        p = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, timeout=60, start_new_session=True)
        self.assertEqual(p.returncode, 0, p.stderr)
        ready = self.session.wait_event(lambda e: e.get("event") == "fax-draft-ready", 60, "faxDraftReady")
        self.assertEqual(ready["name"], "fax-e2e-one-page")
        sent = self.session.wait_event(lambda e: e.get("event") in ("fax-sent", "fax-error", "error"), 60,
                                       "the dialog's Send")
        self.assertEqual(sent["event"], "fax-sent", self.session.agent_output())
        self.assertEqual(len(sent["faxes"]), 1, sent)
        fax_id = sent["faxes"][0]["id"]
        self.assertEqual(sent["faxes"][0]["draftId"], ready["draftId"])

        api = self.api(SENDER)
        fax = self.wait_fax_end(api, fax_id)
        self.assertEqual(fax["state"], "sent", f"{fax}\n{self.detail()}")
        self.assertEqual(fax["pagesSent"], 1, fax)
        self.assertEqual(fax["number"], REMOTE_DIALLED, fax)
        tiffs = self.loop.remote.wait_received(before + 1, timeout=60)
        self.assertEqual(tiff_pages(tiffs[-1]), 1, tiffs[-1])
        # Sent pages are usage of their own kind, for the sender: the ledger has a row for them that is
        # none of the print kinds (the sender printed nothing), and none for a user who sent nothing.
        rows = mpsit.wait_for(lambda: self.usage_report_rows().get(SENDER), 30, "the sender's fax-sent row",
                              0.5, self.detail)
        self.assertEqual((rows["jobs"], rows["pages"], rows["savedJobs"]), ("0", "0", "0"), rows)
        self.assertNotIn(BLOCKER, self.usage_report_rows())
        # Nothing of it became a print job.
        status, body = api.get("jobs?history=1")
        self.assertEqual([j for j in body["jobs"] if j["name"].startswith("fax-e2e-one-page")], [])

    # -- (b) DID -> a user's inbox, 2 pages, and a push event
    def test_b_did_routes_to_a_user_with_a_notification(self):
        api = self.api(DID_USER)
        stream = mpsit.EventStream(self.server, api.token, timeout=CALL_TIMEOUT + 60)
        self.addCleanup(stream.close)
        stream.connected.wait(10)
        self.remote_sends(DID_ROUTED, self.two_pages)
        event = stream.wait_event(lambda e: e["event"] == "fax-received", CALL_TIMEOUT, "fax-received")
        fax = event["data"]["fax"]
        self.assertEqual(fax["mailbox"]["type"], "user", fax)
        self.assertEqual(fax["did"], DID_ROUTED, fax)
        self.assertEqual(fax["pages"], 2, fax)
        self.assertFalse(fax["partial"], fax)
        listed = self.wait_inbox(api, lambda f: f["id"] == fax["id"], "the fax in the inbox")
        self.assertFalse(listed["read"])
        self.assertEqual(self.inbox_pdf_pages(api, fax["id"]), 2)
        # Only that user's.
        self.assertEqual([f for f in self.inbox(self.api(MEMBER)) if f["id"] == fax["id"]], [])

    # -- (d) a blocked sender is not stored
    def test_d_blocked_sender_is_not_stored(self):
        api = self.api(BLOCKER)
        status, body = api.post("fax/blocked", {"number": self.loop.remote_number})
        self.assertIn(status, (200, 201), body)
        self.remote_sends(DID_BLOCKER, f"{CUPS_DATA}/default-testpage.pdf")

        def hit():
            status, body = api.get("fax/blocked")
            self.assertEqual(status, 200, body)
            entries = body.get("blocked", [])
            return next((b for b in entries if b.get("hits", 0) >= 1), None)
        entry = mpsit.wait_for(hit, CALL_TIMEOUT, "the block to count the fax", 0.5, self.detail)
        self.assertEqual(entry["hits"], 1, entry)
        self.assertEqual(self.inbox(api), [])
        self.assertEqual(os.listdir(os.path.join(self.hook_dir, "pending")), [])

    # -- (e) nobody answers -> failed, no-answer (keep last: it silences the remote)
    def test_e_no_answer_fails_with_the_reason(self):
        api = self.api(SENDER)
        with open(f"{CUPS_DATA}/default-testpage.pdf", "rb") as f:
            status, body = api.post(f"fax/drafts?name={quote('no-answer.pdf')}", raw=f.read(),
                                    headers={"Content-Type": "application/pdf"})
        self.assertEqual(status, 201, body)
        # The remote's modem still rings, but its faxgetty is gone: nobody picks up.
        self.wait_lines_idle()
        peers._terminate(self.loop.remote._procs.pop("faxgetty"))
        status, body = api.post(f"fax/drafts/{body['draft']['id']}/send",
                                {"recipients": [{"name": "Nobody", "number": REMOTE_DIALLED}]})
        self.assertEqual(status, 202, body)
        fax = self.wait_fax_end(api, body["faxes"][0]["id"])
        self.assertEqual(fax["state"], "failed", fax)
        self.assertEqual(fax["reasonCode"], "no-answer", fax)
        self.assertEqual(fax["pagesSent"], 0, fax)
        if os.environ.get("MPS_TEST_VERBOSE"):
            print(f"\nno answer: HylaFAX+ said {fax['reason']!r}")


if __name__ == "__main__":
    unittest.main()
