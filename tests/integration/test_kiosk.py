"""The kiosk (issue 4) against real peers: pcscd with the vpcd virtual reader and a virtual card
(tests/kiosk/virtual_card.py), a real mps-server, two ippeveprinters (and, for the lp test, a
throwaway cupsd in front of the server). The kiosk runs headless as
build/kiosk/mps-kiosk-driver (the app's C++ session layer with the real PC/SC CardReader, no QML),
driven over stdin and observed through the JSON snapshots it prints.

pcscd always listens on /run/pcscd/pcscd.comm: one per machine, so this must not run in parallel
with any other card test (ctest: RESOURCE_LOCK pcscd). Run from tests/integration:

    MPS_BUILD_DIR=/work/main/build PYTHONPATH=../fixtures /usr/bin/python3 -m unittest -v test_kiosk
"""

import json
import os
import queue
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import unittest

from peers import IppEvePrinter, MpsServer

import mpsit
from mpsit import add_printer, add_user, login, sha256_bytes, sha256_file, upload

HERE = os.path.dirname(os.path.abspath(__file__))
CARD_SCRIPT = os.path.join(HERE, "..", "kiosk", "virtual_card.py")
KIM_CARD = "04A1B2C3"
CHOI_CARD = "04C0FFEE"
VPCD_PORT = 35963
PCSCD_SOCKET = "/run/pcscd/pcscd.comm"


def _port_open(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


class Pcscd:
    """pcscd in the foreground with only the vpcd virtual reader ("Virtual PCD 00 00")."""

    def __init__(self):
        if os.path.exists(PCSCD_SOCKET) and subprocess.run(["pgrep", "-x", "pcscd"],
                                                           stdout=subprocess.DEVNULL).returncode == 0:
            raise unittest.SkipTest("another pcscd runs on this machine (one per machine)")
        self.dir = tempfile.mkdtemp(prefix="mps-pcscd-")
        conf = os.path.join(self.dir, "reader.conf.d")
        os.makedirs(conf)
        shutil.copy("/etc/reader.conf.d/vpcd", conf)
        self.log = None
        self.proc = None
        # vpcd's readers listen on fixed ports (35963, 35964) inside Linux's ephemeral range: now and then
        # another test's connection holds one as its source port for a moment, pcscd's reader fails with
        # "Address already in use" and pcscd gives up. Started again, it gets the port.
        for attempt in range(3):
            self.log = open(os.path.join(self.dir, "pcscd.log"), "wb")
            self.proc = subprocess.Popen(["pcscd", "-f", "-i", "-c", conf], stdout=self.log,
                                         stderr=subprocess.STDOUT, start_new_session=True)
            try:
                mpsit.wait_for(lambda: _port_open(VPCD_PORT) and os.path.exists(PCSCD_SOCKET), 15,
                               "pcscd with vpcd listening", detail=self.tail)
                return
            except TimeoutError:
                busy = "Address already in use" in self.tail()
                self.close(remove=False)
                if attempt == 2 or not busy:
                    shutil.rmtree(self.dir, True)
                    raise
                time.sleep(1)

    def tail(self):
        with open(os.path.join(self.dir, "pcscd.log"), "rb") as f:
            return f.read()[-3000:].decode("utf-8", "replace")

    def close(self, remove=True):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.log:
            self.log.close()
        if remove:
            shutil.rmtree(self.dir, True)


class VirtualCard:
    """A card on the virtual reader while this runs."""

    def __init__(self, uid):
        self.proc = subprocess.Popen(["/usr/bin/python3", CARD_SCRIPT, uid, "--port", str(VPCD_PORT)],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                     start_new_session=True)
        line = self.proc.stdout.readline()
        if "card ready" not in line:
            raise RuntimeError(f"virtual card did not start: {line}{self.proc.stderr.read()}")

    def remove(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(10)
        for stream in (self.proc.stdout, self.proc.stderr):
            stream.close()


class KioskDriver:
    """build/kiosk/mps-kiosk-driver: commands in, JSON snapshots out."""

    def __init__(self, server, token_file, *extra):
        exe = os.path.join(os.environ["MPS_BUILD_DIR"], "kiosk", "mps-kiosk-driver")
        self.proc = subprocess.Popen([exe, "--server", server.base_url, "--device-token-file", token_file,
                                      *extra],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
        self.snapshots = queue.Queue()
        self.syncs = queue.Queue()
        self._sync_token = 0
        self.last = {}
        self.stderr = []
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_err, daemon=True).start()

    def _read(self):
        for line in self.proc.stdout:
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            if list(obj) == ["sync"]:
                self.syncs.put(obj["sync"])
            else:
                self.snapshots.put(obj)

    def _read_err(self):
        for line in self.proc.stderr:
            self.stderr.append(line)

    def send(self, command):
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()

    def sync(self, timeout=20):
        """Returns once the driver has handled every command sent before."""
        self._sync_token += 1
        token = str(self._sync_token)
        self.send(f"sync {token}")
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"the kiosk driver did not answer sync {token}\n"
                                     f"stderr: {''.join(self.stderr[-30:])}")
            try:
                if self.syncs.get(timeout=remaining) == token:
                    return
            except queue.Empty:
                continue

    def wait(self, predicate, timeout=20, what="kiosk state"):
        """Wait until a snapshot satisfies predicate; returns it."""
        deadline = time.monotonic() + timeout
        if self.last and predicate(self.last):
            return self.last
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"timed out waiting for {what}; last snapshot: "
                                     f"{json.dumps(self.last, ensure_ascii=False)}\n"
                                     f"stderr: {''.join(self.stderr[-30:])}")
            try:
                snap = self.snapshots.get(timeout=min(remaining, 0.5))
            except queue.Empty:
                continue
            self.last = snap
            if predicate(snap):
                return snap

    def close(self):
        if self.proc.poll() is None:
            try:
                self.send("quit")
                self.proc.wait(5)
            except (OSError, subprocess.TimeoutExpired):
                self.proc.kill()
                self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            try:
                stream.close()
            except OSError:
                pass


class KioskTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = mpsit.make_dir("mps-kiosk-it-")
        cls.pcscd = None
        cls.server = None
        cls.printers = []
        try:
            cls.pcscd = Pcscd()
            ini = os.path.join(cls.tmp, "server.ini")
            with open(ini, "w") as f:
                f.write("monitor-seconds=1\n")
            # Trusting 127.0.0.1's requesting-user-name only matters to the IPP endpoint, which
            # the throwaway cupsd of the lp test uses (as test_release_e2e does).
            cls.server = MpsServer(extra_args=["--config", ini, "--trusted-user-hosts", "127.0.0.1"])
            add_user(cls.server, "kim", pin="482913", card=KIM_CARD)
            add_user(cls.server, "lee", pin="135790")
            add_user(cls.server, "park", pin="246802")
            add_user(cls.server, "choi", pin="975310", card=CHOI_CARD)
            add_user(cls.server, "han", pin="864200")
            # A hard monthly quota smaller than any job (default rates: A4 mono from ₩18 a side).
            cls.server.admin("quota", "set", "--user", "han", "--limit", "10", "--policy", "hard")
            cls.mfp = IppEvePrinter("mfp", settle=False)
            cls.mfp2 = IppEvePrinter("mfp2", settle=False)
            cls.printers = [cls.mfp, cls.mfp2]
            add_printer(cls.server, "mfp", cls.mfp, location="3F East")
            add_printer(cls.server, "mfp2", cls.mfp2, location="3F West")
            cls.token_file = mpsit.add_kiosk(cls.server, "k1", "mfp", cls.tmp)
            cls.pdf = mpsit.make_multipage_pdf(cls.tmp)
            with open(cls.pdf, "rb") as f:
                cls.pdf_bytes = f.read()
        except BaseException:
            cls.tearDownClass()
            raise

    @classmethod
    def tearDownClass(cls):
        for p in cls.printers:
            p.close()
        if cls.server:
            cls.server.close()
        if cls.pcscd:
            cls.pcscd.close()
        shutil.rmtree(cls.tmp, True)

    def setUp(self):
        self.kiosk = KioskDriver(self.server, self.token_file)
        self.addCleanup(self.kiosk.close)
        self.kiosk.wait(lambda s: s["printer"] == "mfp" and s["screen"] == "idle", what="idle screen with mfp")

    def card(self, uid):
        c = VirtualCard(uid)
        self.addCleanup(c.remove)
        return c

    def held_job(self, user, name):
        api = login(self.server, user)
        status, body = upload(api, self.pdf_bytes, name=name)
        self.assertEqual(status, 201, body)
        mpsit.wait_rendered(api, body["job"]["id"])  # its colour, and so its price, is known from then
        return api, body["job"]["id"]

    def test_options_offered_are_what_the_printer_can_do(self):
        # Issue 13 §2: mfp is an ippeveprinter without -2 (sides-supported: one-sided) and without a
        # colour speed (monochrome). Once the server has its capabilities, the kiosk offers neither
        # double-sided nor a black-and-white choice, and releases one-sided.
        with open(self.token_file) as f:
            token = f.read().strip()
        status, body = self.server.api().request("GET", "kiosk", None, headers={"X-MPS-Device-Token": token})
        self.assertEqual(status, 200, body)
        caps = body["printer"].get("capabilities")
        if caps is None:
            self.skipTest("this server does not send printer capabilities yet")
        self.assertEqual(caps["sides"], ["one-sided"], caps)
        snap = self.kiosk.wait(lambda s: not s["canDuplex"], what="the kiosk knows mfp is one-sided")
        self.assertFalse(snap["canChooseColour"], caps)
        self.assertEqual(snap["copiesMax"], min(99, caps["copiesMax"]))
        api, job_id = self.held_job("park", "simplex.pdf")
        self.kiosk.send("pin park 246802")
        self.kiosk.wait(lambda s: s["screen"] == "jobs" and any(j["id"] == job_id for j in s["jobs"]),
                        what="park's jobs")
        self.kiosk.send("duplex on")
        self.kiosk.send("mono on")
        self.kiosk.send("copies 2")  # commands run in order: this snapshot follows the two above
        snap = self.kiosk.wait(lambda s: s["copies"] == 2, what="two copies")
        self.assertFalse(snap["duplex"], "double-sided cannot be chosen on a one-sided printer")
        self.assertFalse(snap["mono"], "there is nothing to choose on a black-and-white printer")
        self.kiosk.send(f"select {job_id}")
        self.kiosk.send("print")
        mpsit.wait_job(api, job_id, "printed", 30, self.server)
        status, job = api.get(f"jobs/{job_id}")
        self.assertEqual(job["job"]["options"]["sides"], "one-sided", job)
        self.assertEqual(job["job"]["options"]["copies"], 2, job)
        self.kiosk.send("sign-out")

    def test_card_tap_release_is_byte_identical_and_print_all_signs_out(self):
        api, job_id = self.held_job("kim", "report.pdf")
        before = len(self.mfp.received_files())
        card = self.card(KIM_CARD)
        snap = self.kiosk.wait(lambda s: s["screen"] == "jobs" and s["user"] == "kim"
                               and any(j["id"] == job_id for j in s["jobs"]), what="kim's jobs after the tap")
        self.assertEqual(snap["lastCard"], KIM_CARD)
        self.kiosk.wait(lambda s: any(j["id"] == job_id and j["thumbnail"] for j in s["jobs"]),
                        what="the job's thumbnail")
        card.remove()
        self.kiosk.wait(lambda s: not s["cardPresent"], what="card removal seen by the reader")
        self.assertEqual(self.kiosk.last["screen"], "jobs", "taking the card away keeps the session")

        # "Print all": progress from the event stream, then sign-out.
        self.kiosk.send("print-all")
        self.kiosk.wait(lambda s: any(j["id"] == job_id and j["state"] in ("printing", "printed") for j in s["jobs"])
                        or s["screen"] == "idle", what="release progress")
        self.kiosk.wait(lambda s: s["screen"] == "idle" and s["user"] == "", timeout=20,
                        what="sign-out after print all")
        mpsit.wait_job(api, job_id, "printed", 30, self.server)
        files = self.mfp.wait_for_files(before + 1)
        self.assertEqual(sha256_file(files[-1]), sha256_bytes(self.pdf_bytes),
                         "the printer must receive the uploaded PDF byte for byte")

    def test_lp_through_cups_card_tap_release_is_byte_identical(self):
        # The desktop path: lp -> throwaway cupsd (driverless queue) -> mps-server /ipp/print.
        cupsd = mpsit.cups_queue_to_mps(self.server)
        self.addCleanup(cupsd.close)
        api = login(self.server, "kim")
        # CUPS's pdftopdf rewrites a PDF sent normally, so that job can only be compared with what
        # the server held (size and pages, as test_release_e2e does: the API gives no digest).
        # With -o raw CUPS passes the file through untouched: that one must reach the printer
        # byte for byte as it went into lp.
        filtered = mpsit.lp_until_held(cupsd, "mps", self.pdf, api, "kim", "cups-filtered.pdf")
        raw = mpsit.lp_until_held(cupsd, "mps", self.pdf, api, "kim", "cups-raw.pdf", options=["raw"])
        for j in (filtered, raw):
            self.assertEqual((j["owner"], j["pages"], j["documentFormat"]), ("kim", 3, "application/pdf"),
                             j)
        self.assertEqual(raw["size"], len(self.pdf_bytes), raw)
        ids = {filtered["id"], raw["id"]}
        before = len(self.mfp.received_files())

        # Tap: both CUPS jobs are in kim's list; "Print selected" releases them at this kiosk.
        card = self.card(KIM_CARD)
        snap = self.kiosk.wait(lambda s: s["screen"] == "jobs" and s["user"] == "kim"
                               and ids <= {j["id"] for j in s["jobs"]},
                               what="kim's CUPS jobs after the tap")
        # Take the card away and let the reader see it, so the next test's card is a new tap.
        card.remove()
        self.kiosk.wait(lambda s: not s["cardPresent"], what="card removal seen by the reader")
        self.assertEqual({j["name"] for j in snap["jobs"] if j["id"] in ids},
                         {"cups-filtered.pdf", "cups-raw.pdf"})
        self.kiosk.send("select-all")
        self.kiosk.wait(lambda s: all(j["selected"] for j in s["jobs"] if j["id"] in ids),
                        what="jobs selected")
        self.kiosk.send("print")
        self.kiosk.wait(lambda s: all(j["state"] == "printed" for j in s["jobs"] if j["id"] in ids),
                        timeout=30, what="both jobs printed, seen through the event stream")
        self.kiosk.send("sign-out")
        self.kiosk.wait(lambda s: s["screen"] == "idle" and s["user"] == "", what="sign-out")

        # Which kept file is which: the job-name the printer received (its -c command saw it).
        new_files = self.mfp.wait_for_files(before + 2)[before:]
        kept = {job["env"].get("IPP_JOB_NAME"): job["path"] for job in self.mfp.received_jobs()
                if job["path"] in new_files}
        self.assertEqual(sorted(kept), ["cups-filtered.pdf", "cups-raw.pdf"], new_files)
        self.assertEqual(sha256_file(kept["cups-raw.pdf"]), sha256_bytes(self.pdf_bytes),
                         "the PDF given to lp (raw) must reach the printer byte for byte")
        with open(kept["cups-filtered.pdf"], "rb") as f:
            filtered_bytes = f.read()
        self.assertTrue(filtered_bytes.startswith(b"%PDF-"), kept["cups-filtered.pdf"])
        self.assertEqual(len(filtered_bytes), filtered["size"],
                         "the printer did not get the document the server held")
        self.assertEqual(mpsit.pdf_pages(kept["cups-filtered.pdf"]), 3)
        for j in (filtered, raw):
            self.assertEqual(mpsit.job(api, j["id"])["state"], "printed")

    def test_unknown_card_is_linked_with_password(self):
        card = self.card("0A0B0C0D")
        snap = self.kiosk.wait(lambda s: s["screen"] == "link-card", what="link-card screen")
        self.assertEqual(snap["error"], "unknown-card")
        self.assertIn("not linked", snap["message"])
        self.kiosk.send("link lee lee-password-1")
        self.kiosk.wait(lambda s: s["screen"] == "jobs" and s["user"] == "lee", what="lee signed in")
        self.kiosk.send("sign-out")
        self.kiosk.wait(lambda s: s["screen"] == "idle" and s["user"] == "")
        card.remove()
        self.kiosk.wait(lambda s: not s["cardPresent"])
        # The card now signs lee in by itself.
        self.card("0A0B0C0D")
        self.kiosk.wait(lambda s: s["screen"] == "jobs" and s["user"] == "lee", what="linked card signs in")
        self.kiosk.send("sign-out")

    def test_keyboard_wedge_decimal_number(self):
        # 0x04A1B2C3 = 77705923: a wedge reader typing the 10-digit decimal number finds the same account.
        self.kiosk.send("wedge 0077705923")
        self.kiosk.wait(lambda s: s["screen"] == "jobs" and s["user"] == "kim", what="wedge sign-in")
        self.kiosk.send("sign-out")

    def test_wrong_pin_five_times_locks(self):
        self.kiosk.send("pin-screen")
        self.kiosk.send("pin park 000000")
        snap = self.kiosk.wait(lambda s: s["error"] == "invalid-credentials" and not s["busy"])
        self.assertEqual(snap["screen"], "pin")
        # The server says how many tries are left, and the kiosk says it (issue 13).
        self.assertIn("try 4 more times", snap["message"])
        for _ in range(6):
            self.kiosk.send("pin park 000000")
            time.sleep(0.3)
            snap = self.kiosk.wait(lambda s: not s["busy"])
            if snap["error"] == "locked":
                break
        snap = self.kiosk.wait(lambda s: s["error"] == "locked", what="lockout")
        self.assertIn("locked", snap["message"])
        self.assertIn("until", snap["message"])
        self.assertIn("print admin", snap["message"])
        self.assertEqual(snap["screen"], "pin")

    def test_locked_card_says_until_when(self):
        # Issue 13: a card whose account was locked gave no message at all.
        self.kiosk.send("pin-screen")
        # The server counts down: 4, 3, 2, 1 tries left, then the account is locked.
        for left in (4, 3, 2, 1):
            self.kiosk.send("pin choi 000000")
            word = "times" if left > 1 else "time"
            self.kiosk.wait(lambda s: f"try {left} more {word} " in s["message"] and not s["busy"],
                            what=f"{left} attempts left")
        self.kiosk.send("pin choi 000000")
        self.kiosk.wait(lambda s: s["error"] == "locked" and not s["busy"], what="locked by the fifth")
        self.kiosk.send("cancel")
        self.kiosk.wait(lambda s: s["screen"] == "idle" and s["message"] == "", what="back to idle")
        card = self.card(CHOI_CARD)
        snap = self.kiosk.wait(lambda s: s["error"] == "locked" and not s["busy"], what="the locked card's message")
        self.assertEqual(snap["screen"], "idle")
        self.assertIn("locked", snap["message"])
        self.assertIn("until", snap["message"])
        self.assertIn("print admin", snap["message"])
        card.remove()
        self.kiosk.wait(lambda s: not s["cardPresent"])

    def test_hard_quota_refuses_release_at_the_kiosk_and_keeps_the_job_held(self):
        # Issue 8: the kiosk shows what each job costs here and what is left of the quota; a release
        # over a hard quota is refused with a sentence, and the job stays held.
        api, job_id = self.held_job("han", "over-quota.pdf")
        self.kiosk.send("pin-screen")
        self.kiosk.send("pin han 864200")
        snap = self.kiosk.wait(lambda s: s["screen"] == "jobs" and any(j["id"] == job_id for j in s["jobs"])
                               and s["quota"] != "", what="han's job and quota")
        job = next(j for j in snap["jobs"] if j["id"] == job_id)
        self.assertRegex(job["cost"], r"^₩[0-9,]+$")
        self.assertIn(job["cost"] + " here", job["details"])
        self.assertEqual(snap["quota"], "Left of your print quota this month: ₩10")
        self.kiosk.send(f"select {job_id}")
        self.kiosk.wait(lambda s: any(j["id"] == job_id and j["selected"] for j in s["jobs"]), what="selected")
        self.kiosk.send("print")
        snap = self.kiosk.wait(lambda s: s["error"] == "quota-exceeded" and not s["busy"], what="the refusal")
        self.assertIn(f"This job costs {job['cost']}, but only ₩10 is left of your print quota this month.",
                      snap["message"])
        self.assertIn("ask the print admin", snap["message"])
        snap = self.kiosk.wait(lambda s: any(j["id"] == job_id and j["state"] == "held" for j in s["jobs"]),
                               what="the job still held")
        status, body = api.get(f"jobs/{job_id}")
        self.assertEqual(body["job"]["state"], "held")
        self.kiosk.send("sign-out")
        self.kiosk.wait(lambda s: s["screen"] == "idle")

    def test_jammed_printer_shows_fault_and_alternative(self):
        api, job_id = self.held_job("kim", "jam.pdf")
        # Issue 10: the kiosk does not poll. The server's device monitor sees the jam and pushes
        # printer-changed on the kiosk's own stream; the idle screen shows it without a fetch.
        # Once at start and once when the kiosk's stream connected; nothing after that.
        fetches = self.kiosk.wait(lambda s: s["canPrint"] and s["kioskStream"] and s["printerFetches"] >= 2,
                                  what="the kiosk's stream connected")["printerFetches"]
        self.mfp.jam()
        self.addCleanup(self.mfp.clear_jam)
        snap = self.kiosk.wait(lambda s: not s["canPrint"], timeout=30, what="the jam on the idle screen")
        self.assertEqual(snap["printerFetches"], fetches, "the jam must arrive as an event, not by a fetch")
        self.assertIn("paper jam", snap["fault"])
        self.kiosk.send("pin-screen")
        self.kiosk.send("pin kim 482913")
        snap = self.kiosk.wait(lambda s: s["screen"] == "jobs" and s["alternatives"] and s["jobs"],
                               what="alternatives after sign-in")
        self.assertEqual(snap["alternatives"], ["mfp2"])
        self.assertIn("paper jam", snap["fault"])
        self.kiosk.send("print-all")
        snap = self.kiosk.wait(lambda s: s["error"] == "printer-fault", what="release refused")
        self.assertIn("mfp2", json.dumps(snap["alternatives"]))
        self.assertEqual(mpsit.job(api, job_id)["state"], "held", "the job stays held")
        self.kiosk.send("sign-out")
        # Cleared: the kiosk says the printer works again.
        fetches = self.kiosk.last["printerFetches"]
        self.mfp.clear_jam()
        snap = self.kiosk.wait(lambda s: s["canPrint"], timeout=30, what="jam cleared")
        self.assertEqual(snap["printerFetches"], fetches, "the all clear must arrive as an event, not by a fetch")
        api.delete(f"jobs/{job_id}")

    def test_job_aborted_by_the_printer_is_held_again_with_the_reason(self):
        # The printer takes the job and then aborts it (its -c command fails): the kiosk follows the
        # release through the event stream and shows the job held again, with a sentence saying so.
        api, job_id = self.held_job("kim", "aborted.pdf")
        self.mfp.set_mode("abort")
        self.addCleanup(self.mfp.set_mode, "ok")
        self.kiosk.send("pin-screen")
        self.kiosk.send("pin kim 482913")
        self.kiosk.wait(lambda s: s["screen"] == "jobs" and any(j["id"] == job_id for j in s["jobs"]),
                        what="kim's jobs")
        self.kiosk.send(f"select {job_id}")
        self.kiosk.wait(lambda s: any(j["id"] == job_id and j["selected"] for j in s["jobs"]), what="selected")
        self.kiosk.send("print")
        snap = self.kiosk.wait(lambda s: any(j["id"] == job_id and j["state"] == "held" and j["stateText"]
                                             and "not charged" in j["stateText"] for j in s["jobs"]),
                               timeout=30, what="the aborted job held again with its reason")
        shown = next(j for j in snap["jobs"] if j["id"] == job_id)
        self.assertIn("mfp", shown["stateText"])
        on_server = mpsit.job(api, job_id)
        self.assertEqual(on_server["state"], "held", on_server)
        self.assertEqual(on_server.get("stateReasonCode"), "printer-aborted", on_server)
        self.assertEqual(on_server["impressionsCompleted"], 0, "an aborted job is not charged")
        outcomes = self.mfp.job_outcomes()
        self.assertEqual(outcomes[max(outcomes)], "aborted", outcomes)

        # The printer works again: the same job prints from the same session.
        self.mfp.set_mode("ok")
        self.kiosk.send(f"select {job_id}")
        self.kiosk.wait(lambda s: any(j["id"] == job_id and j["selected"] for j in s["jobs"]), what="selected again")
        self.kiosk.send("print")
        self.kiosk.wait(lambda s: any(j["id"] == job_id and j["state"] == "printed" for j in s["jobs"]),
                        timeout=30, what="printed on the second release")
        self.kiosk.send("sign-out")
        self.kiosk.wait(lambda s: s["screen"] == "idle" and s["user"] == "", what="sign-out")


if __name__ == "__main__":
    unittest.main()
