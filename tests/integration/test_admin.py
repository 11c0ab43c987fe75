"""mps-admin for a real admin (issue 13 section 6), against a real mps-server and ippeveprinter:
disable / enable / remove users, reset secrets, edit and remove printers, remove kiosks and give them
new tokens, and --help everywhere. Run from tests/integration:

    MPS_BUILD_DIR=/work/main/build PYTHONPATH=../fixtures /usr/bin/python3 -m unittest -v test_admin
"""

import shutil
import subprocess
import unittest

from peers import IppEvePrinter, MpsServer, ipptool_plist

import mpsit
from mpsit import PASSWORD, add_printer, add_user, kiosk_token, login, upload

PIN = "482913"
CARD = "04A1B2C3"

# Every command, with the options its --help must name.
COMMANDS = {
    ("user", None): ["edit", "disable", "enable", "remove", "reset-password", "reset-pin"],
    ("user", "add"): ["--department", "--role", "--email", "--display-name", "--card", "--password-stdin",
                      "--pin-stdin"],
    ("user", "list"): [],
    ("user", "edit"): ["--department", "--role", "--email", "--display-name", "--card"],
    ("user", "disable"): [],
    ("user", "enable"): [],
    ("user", "remove"): ["usage history"],
    ("user", "reset-password"): ["--password-stdin"],
    ("user", "reset-pin"): ["--pin-stdin"],
    ("user", "clear-fingerprint"): [],
    ("printer", None): ["edit", "remove", "--force"],
    ("printer", "add"): ["--uri", "--location", "--department"],
    ("printer", "list"): [],
    ("printer", "edit"): ["--uri", "--location", "--department"],
    ("printer", "remove"): ["--force"],
    ("kiosk", None): ["remove", "new-token"],
    ("kiosk", "add"): ["--printer"],
    ("kiosk", "list"): [],
    ("kiosk", "remove"): [],
    ("kiosk", "new-token"): [],
}


class AdminTest(unittest.TestCase):
    def setUp(self):
        self.tmp = mpsit.make_dir("mps-admin-")
        self.addCleanup(shutil.rmtree, self.tmp, True)
        self.server = MpsServer()
        self.addCleanup(self.server.close)
        self.pdf = mpsit.make_multipage_pdf(self.tmp)
        with open(self.pdf, "rb") as f:
            self.pdf_bytes = f.read()

    def admin(self, *args, **kw):
        return self.server.admin(*args, **kw)

    def kiosk_call(self, token, path, body=None):
        api = self.server.api()
        headers = {"X-MPS-Device-Token": token}
        return api.post(path, body, headers=headers) if body is not None else api.get(path, headers=headers)

    def held_job(self, name="kim"):
        api = login(self.server, name)
        status, body = upload(api, self.pdf_bytes, f"{name}.pdf")
        self.assertEqual(status, 201, body)
        return api, body["job"]["id"]

    # -- --help of every group and command, without a data directory
    def test_every_command_has_help_naming_its_options(self):
        for (noun, verb), words in COMMANDS.items():
            argv = [self.server.admin_bin, noun] + ([verb] if verb else []) + ["--help"]
            res = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=30)
            self.assertEqual(res.returncode, 0, (argv, res.stderr))
            self.assertIn("usage: mps-admin", res.stdout, argv)
            for w in words:
                self.assertIn(w, res.stdout, (argv, res.stdout))

    # -- edit: display name reaches the user and job JSON
    def test_user_edit_changes_what_is_given(self):
        add_user(self.server, "kim")
        self.admin("user", "edit", "kim", "--display-name", "김민수", "--email", "kim@city.example",
                   "--role", "dept-head", "--department", "Finance", "--card", CARD)
        kim, jid = self.held_job()
        me = kim.get("me")[1]
        me = me.get("user", me)
        self.assertEqual((me["displayName"], me["email"], me["role"], me["department"], me["hasCard"]),
                         ("김민수", "kim@city.example", "dept-head", "Finance", True), me)
        self.assertEqual(mpsit.job(kim, jid)["ownerDisplayName"], "김민수")
        status, body = upload(kim, self.pdf_bytes, "second.pdf")
        self.assertEqual((status, body["job"]["ownerDisplayName"]), (201, "김민수"), body)
        self.admin("user", "edit", "kim", "--card", "-")
        me = kim.get("me")[1]
        self.assertFalse(me.get("user", me)["hasCard"], me)
        bad = self.admin("user", "edit", "kim", "--role", "boss", check=False)
        self.assertEqual(bad.returncode, 2, bad)

    # -- disable: no sign-in anywhere, sessions end, held jobs stay; enable undoes it
    def test_disabled_user_cannot_sign_in_anywhere_and_keeps_held_jobs(self):
        add_user(self.server, "kim", pin=PIN, card=CARD)
        mfp = IppEvePrinter("mfp-admin", settle=False)
        self.addCleanup(mfp.close)
        add_printer(self.server, mfp.name, mfp)
        device = kiosk_token(self.server, "kiosk-1", mfp.name)
        kim, jid = self.held_job()
        status, body = self.kiosk_call(device, "kiosk/session", {"username": "kim", "pin": PIN})
        self.assertEqual(status, 200, body)
        kiosk_session = self.server.api(token=body["token"])

        out = self.admin("user", "disable", "kim").stdout
        self.assertIn("disabled", out)
        # Sessions ended: the tray's and the kiosk's.
        self.assertEqual(kim.get("jobs")[0], 401)
        self.assertEqual(kiosk_session.get("jobs")[0], 401)
        # Every sign-in route refuses.
        status, _ = self.server.api().post("session", {"username": "kim", "password": PASSWORD["kim"]})
        self.assertEqual(status, 401)
        status, _ = self.kiosk_call(device, "kiosk/session", {"username": "kim", "pin": PIN})
        self.assertEqual(status, 401)
        status, body = self.kiosk_call(device, "kiosk/session", {"card": CARD})
        self.assertIn(status, (401, 403, 404), body)   # the card is as good as an unknown one
        self.assertNotIn("token", body)
        status, _ = upload(self.server.api(), self.pdf_bytes, "anon.pdf")
        self.assertEqual(status, 401)
        uri = f"ipp://kim:{PASSWORD['kim']}@127.0.0.1:{self.server.port}/ipp/print"
        plist = ipptool_plist(uri, mpsit.PRINT_JOB_PDF_TEST % "ipp.pdf", document=self.pdf)
        self.assertFalse(str(plist["Tests"][0].get("StatusCode")).startswith("successful"), plist)

        self.admin("user", "enable", "kim")
        kim = login(self.server, "kim")
        jobs = mpsit.all_jobs(kim)
        self.assertEqual([(j["id"], j["state"]) for j in jobs], [(jid, "held")], jobs)

    # -- remove: held jobs deleted (keys destroyed), recorded as saved; usage kept
    def test_remove_deletes_held_jobs_and_keeps_usage(self):
        add_user(self.server, "kim")
        add_user(self.server, "park", role="admin")
        _, jid = self.held_job()
        self.assertEqual(len(mpsit.spool_job_files(self.server)), 1)
        out = self.admin("user", "remove", "kim").stdout
        self.assertIn("1 held job(s) deleted", out)
        self.assertEqual(mpsit.spool_job_files(self.server), [], "the document must be gone")
        status, _ = self.server.api().post("session", {"username": "kim", "password": PASSWORD["kim"]})
        self.assertEqual(status, 401)
        park = login(self.server, "park")
        status, body = park.get("jobs?all=1&history=1")
        self.assertEqual(status, 200, body)
        kims = [j for j in body["jobs"] if j["id"] == jid]
        self.assertEqual([j["state"] for j in kims], ["deleted"], body)
        status, body = park.get("usage/report?by=user")
        self.assertEqual(status, 200, body)
        row = next((r for r in body["rows"] if r["key"] == "kim"), None)
        self.assertIsNotNone(row, body)
        self.assertEqual(row["savedJobs"], 1, row)
        listing = self.admin("user", "list").stdout
        self.assertIn("removed", next(line for line in listing.splitlines() if line.startswith("kim\t")))
        # A removed user cannot be enabled again.
        self.assertNotEqual(self.admin("user", "enable", "kim", check=False).returncode, 0)

    # -- reset-password / reset-pin
    def test_reset_password_and_pin(self):
        add_user(self.server, "kim", pin=PIN)
        self.admin("user", "reset-password", "kim", "--password-stdin", stdin="a-new-password-9\n")
        status, _ = self.server.api().post("session", {"username": "kim", "password": PASSWORD["kim"]})
        self.assertEqual(status, 401)
        login(self.server, "kim", "a-new-password-9")
        self.assertEqual(self.admin("user", "reset-pin", "kim", "--pin-stdin", stdin="12ab\n",
                                    check=False).returncode, 2)
        self.admin("user", "reset-pin", "kim", "--pin-stdin", stdin="9081726\n")
        login(self.server, "kim", "a-new-password-9")   # the password is kept

    # -- kiosks: new token, remove; printers: edit, remove refused while a kiosk uses it
    def test_kiosk_new_token_and_printer_remove(self):
        add_user(self.server, "kim")
        mfp = IppEvePrinter("mfp-kiosk", settle=False)
        self.addCleanup(mfp.close)
        add_printer(self.server, mfp.name, mfp)
        old = kiosk_token(self.server, "kiosk-1", mfp.name)
        self.assertEqual(self.kiosk_call(old, "kiosk")[0], 200)
        out = self.admin("kiosk", "new-token", "kiosk-1").stdout
        new = out.rsplit(": ", 1)[1].strip()
        self.assertNotEqual(new, old)
        self.assertEqual(self.kiosk_call(old, "kiosk")[0], 401)
        self.assertEqual(self.kiosk_call(new, "kiosk")[0], 200)

        self.admin("printer", "edit", mfp.name, "--location", "3F-West")
        kim = login(self.server, "kim")
        printers = {p["name"]: p for p in kim.get("printers")[1]["printers"]}
        self.assertEqual(printers[mfp.name]["location"], "3F-West")

        res = self.admin("printer", "remove", mfp.name, check=False)
        self.assertNotEqual(res.returncode, 0)
        self.assertIn("kiosk", res.stderr)
        self.assertIn(mfp.name, self.admin("printer", "list").stdout)

        self.admin("kiosk", "remove", "kiosk-1")
        self.assertEqual(self.kiosk_call(new, "kiosk")[0], 401)
        self.admin("printer", "remove", mfp.name)
        self.assertNotIn(mfp.name, self.admin("printer", "list").stdout)


if __name__ == "__main__":
    unittest.main()
