"""Usage accounting against real peers (issue 8): mps-server, mps-admin and ippeveprinter.

Jobs printed through a real ippeveprinter are charged what the printer reported at the printer's
rates; a job the printer aborts is not charged; a hard quota stops a REST release (and a kiosk
session's, over a department quota) with the job still held and the 403 body complete; department heads see their departments and nothing else, users only
themselves; the CSV export has the JSON's numbers and `mps-admin report usage --csv` is the same file.
Run from tests/integration:

    MPS_BUILD_DIR=/work/main/build PYTHONPATH=../fixtures /usr/bin/python3 -m unittest -v test_accounting
"""

import csv
import datetime
import io
import os
import shutil
import unittest

from peers import IppEvePrinter, MpsServer

import mpsit
from mpsit import PASSWORD, add_printer, login, upload, wait_job

# A distinct price per colour on the MFP, so that a charge at the default table would show.
MONO, COLOR = 7, 13
KEYS = [f"{size}-{colour}-{sides}" for size in ("a4", "a3", "other") for colour in ("mono", "color")
        for sides in ("simplex", "duplex")]


class AccountingTest(unittest.TestCase):
    def setUp(self):
        self.tmp = mpsit.make_dir("mps-acct-")
        self.addCleanup(shutil.rmtree, self.tmp, True)
        self.pdf = mpsit.make_multipage_pdf(self.tmp)
        with open(self.pdf, "rb") as f:
            self.pdf_bytes = f.read()
        self.server = MpsServer()
        self.addCleanup(self.server.close)
        s = self.server
        s.admin("department", "add", "FIN", "--name", "재무과")
        s.admin("department", "add", "FIN-B", "--name", "예산팀", "--parent", "FIN")
        s.admin("department", "add", "IT", "--name", "정보화담당관")
        for name, dept, role in (("kim", "FIN-B", "user"), ("lee", "FIN", "dept-head"), ("park", "IT", "user"),
                                 ("choi", "IT", "admin")):
            s.admin("user", "add", name, "--department", dept, "--role", role, "--password-stdin",
                    stdin=PASSWORD[name] + "\n")
        s.admin("department", "set-head", "FIN", "lee")
        self.mfp = IppEvePrinter("mfp", settle=False)
        self.addCleanup(self.mfp.close)
        add_printer(s, "mfp", self.mfp)
        s.admin("printer", "set-department", "mfp", "IT")
        s.admin("rate", "set", "--printer", "mfp",
                *[f"{k}={COLOR if '-color-' in k else MONO}" for k in KEYS])

    # -- helpers
    def held(self, api, name="report.pdf"):
        status, body = upload(api, self.pdf_bytes, name)
        self.assertEqual(status, 201, body)
        return mpsit.wait_rendered(api, body["job"]["id"])

    def release(self, api, job_id, **options):
        return api.post(f"jobs/{job_id}/release", dict(printer="mfp", **options))

    def expected_cost(self, job, impressions):
        colour = job["color"] and job["options"]["colorMode"] != "monochrome"
        return impressions * (COLOR if colour else MONO)

    def import_rows(self, rows):
        """Ledger rows in the current period through `mps-admin usage import` (the server runs)."""
        at = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(seconds=5)) \
            .strftime("%Y-%m-%dT%H:%M:%SZ")
        path = os.path.join(self.tmp, "rows.csv")
        with open(path, "w") as f:
            f.write("at,user,printer,kind,pages,copies,duplex,color,size\n")
            for user, kind, pages, copies, duplex, color in rows:
                f.write(f"{at},{user},mfp,{kind},{pages},{copies},{duplex},{color},a4\n")
        out = self.server.admin("usage", "import", path).stdout
        self.assertIn(f"{len(rows)} ledger rows imported", out)

    # -- charging
    def test_printed_jobs_are_charged_what_the_printer_reported(self):
        # A printer whose job command reports 5 impressions completed, whatever it was sent (3 pages
        # x 2 copies = 6 would be the count from the document): the charge must follow the printer.
        script = os.path.join(self.tmp, "report-five.sh")
        with open(script, "w") as f:
            f.write("#!/bin/sh\necho 'ATTR: job-impressions-completed=5' >&2\nexit 0\n")
        os.chmod(script, 0o755)
        counter = IppEvePrinter("counter", settle=False, command=script)
        self.addCleanup(counter.close)
        add_printer(self.server, "counter", counter)
        self.server.admin("printer", "set-department", "counter", "IT")
        self.server.admin("rate", "set", "--printer", "counter",
                          *[f"{k}={COLOR if '-color-' in k else MONO}" for k in KEYS])
        api = login(self.server, "kim")
        job = self.held(api)
        self.assertEqual(job["pages"], 3)
        # Before release: the estimate at the printer's rates, pages x copies; elsewhere the default table.
        status, body = api.get("jobs?printer=counter")
        listed = next(j for j in body["jobs"] if j["id"] == job["id"])
        self.assertEqual((listed["cost"], listed["currency"]), (self.expected_cost(job, 3), "KRW"))
        status, body = api.get("jobs")
        default = next(j for j in body["jobs"] if j["id"] == job["id"])
        self.assertNotEqual(default["cost"], listed["cost"])
        status, body = api.post(f"jobs/{job['id']}/release", {"printer": "counter", "copies": 2})
        self.assertEqual(status, 202, body)
        self.assertEqual(body["job"]["cost"], self.expected_cost(job, 6))
        done = wait_job(api, job["id"], "printed", 60, self.server)
        self.assertEqual(done["impressionsCompleted"], 5, done)
        status, quota = api.get("usage/quota")
        self.assertEqual(status, 200, quota)
        self.assertEqual(quota["quotas"][0]["scope"], "user")
        self.assertEqual(quota["quotas"][0]["spent"], self.expected_cost(job, 5), quota)
        status, report = api.get("usage/report?by=printer")
        self.assertEqual(status, 200, report)
        row = report["rows"][0]
        self.assertEqual((row["key"], row["department"], row["jobs"], row["impressions"]),
                         ("counter", "IT", 1, 5), row)
        self.assertEqual(row["cost"], self.expected_cost(job, 5))
        # kim (FIN-B) printed on IT's printer: cross-department use.
        self.assertEqual(row["crossDepartmentPages"], row["pages"])

    def test_document_count_is_charged_when_the_printer_reports_nothing(self):
        # ippeveprinter's own job command reports no impressions: pages x copies at the MFP's rates.
        api = login(self.server, "kim")
        job = self.held(api)
        status, body = self.release(api, job["id"], copies=2)
        self.assertEqual(status, 202, body)
        done = wait_job(api, job["id"], "printed", 60, self.server)
        self.assertEqual(done["impressionsCompleted"], 0, done)
        status, report = api.get("usage/report?by=user")
        self.assertEqual((report["rows"][0]["impressions"], report["rows"][0]["cost"]),
                         (6, self.expected_cost(job, 6)), report)

    def test_aborted_job_is_not_charged_and_its_reservation_is_released(self):
        self.mfp.set_mode("abort")
        api = login(self.server, "kim")
        job = self.held(api, "aborted.pdf")
        status, body = self.release(api, job["id"])
        self.assertEqual(status, 202, body)
        held = mpsit.wait_for(lambda: (lambda j: j if j and j["state"] == "held" and j.get("stateReasonCode")
                                       else None)(mpsit.job(api, job["id"])),
                              60, "the aborted job held again", detail=lambda: mpsit.log_tail(self.server))
        self.assertEqual(held["stateReasonCode"], "printer-aborted", held)
        status, quota = api.get("usage/quota")
        self.assertEqual(quota["quotas"][0]["spent"], 0, quota)
        status, report = api.get("usage/report?by=user")
        self.assertEqual((report["totals"]["jobs"], report["totals"]["cost"]), (0, 0), report)

    # -- enforcement
    def test_hard_quota_stops_a_rest_release_and_the_job_stays_held(self):
        api = login(self.server, "kim")
        job = self.held(api)
        cost = self.expected_cost(job, job["pages"])
        self.server.admin("quota", "set", "--user", "kim", "--limit", str(cost - 1), "--policy", "hard")
        status, body = self.release(api, job["id"])
        self.assertEqual(status, 403, body)
        self.assertEqual(body["error"], "quota-exceeded")
        q = body["quota"]
        period = api.get("usage/quota")[1]["period"]["label"]
        self.assertEqual({k: q[k] for k in ("scope", "subject", "limit", "spent", "remaining", "cost", "currency",
                                            "period", "policy")},
                         {"scope": "user", "subject": "kim", "limit": cost - 1, "spent": 0,
                          "remaining": cost - 1, "cost": cost, "currency": "KRW", "period": period,
                          "policy": "hard"})
        self.assertIn(f"₩{cost:,}", body["message"])
        self.assertIn(f"₩{cost - 1:,}", body["message"])
        after = mpsit.job(api, job["id"])
        self.assertEqual(after["state"], "held", after)
        self.assertEqual(after["stateReasonCode"], "quota-exceeded", after)
        self.assertEqual(self.mfp.received_jobs(), [], "nothing may reach the printer")
        # An allowance for this period lets it print.
        self.server.admin("allowance", "--user", "kim", "--amount", "1")
        status, body = self.release(api, job["id"])
        self.assertEqual(status, 202, body)
        wait_job(api, job["id"], "printed", 60, self.server)

    def test_a_kiosk_session_is_priced_at_its_printer_and_refused_over_a_department_quota(self):
        # park (IT) signs in at the kiosk beside mfp with a PIN; IT has a hard quota smaller than the job.
        self.server.admin("user", "add", "jung", "--department", "IT", "--password-stdin", "--pin-stdin",
                          stdin=PASSWORD["jung"] + "\n482913\n")
        api = login(self.server, "jung")
        job = self.held(api)
        cost = self.expected_cost(job, job["pages"])
        self.server.admin("quota", "set", "--department", "IT", "--limit", str(cost - 1), "--policy", "hard")
        device = {"X-MPS-Device-Token": mpsit.kiosk_token(self.server, "kiosk-1", "mfp")}
        kiosk = self.server.api()
        status, body = kiosk.post("kiosk/session", {"username": "jung", "pin": "482913"}, headers=device)
        self.assertEqual(status, 200, body)
        kiosk.token = body["token"]
        status, body = kiosk.get("jobs", headers=device)
        listed = next(j for j in body["jobs"] if j["id"] == job["id"])
        self.assertEqual(listed["cost"], cost, "a kiosk session prices at the kiosk's printer")
        status, body = kiosk.post(f"jobs/{job['id']}/release", {}, headers=device)
        self.assertEqual(status, 403, body)
        self.assertEqual((body["error"], body["quota"]["scope"], body["quota"]["subject"],
                          body["quota"]["subjectName"], body["quota"]["cost"]),
                         ("quota-exceeded", "department", "IT", "정보화담당관", cost), body)
        self.assertIn("정보화담당관", body["message"])
        self.assertEqual(mpsit.job(api, job["id"])["state"], "held")

    # -- reports and roles
    def test_department_head_sees_members_and_nobody_sees_more(self):
        self.import_rows([("kim", "printed", 3, 1, 0, 0), ("lee", "printed", 2, 2, 1, 1),
                          ("park", "printed", 5, 1, 0, 0), ("kim", "deleted", 4, 1, 0, 0)])
        lee = login(self.server, "lee")
        status, body = lee.get("usage/report?by=user&department=FIN")
        self.assertEqual(status, 200, body)
        self.assertEqual([r["key"] for r in body["rows"]], ["kim", "lee"])
        kim_row = body["rows"][0]
        self.assertEqual((kim_row["pages"], kim_row["cost"], kim_row["savedJobs"], kim_row["savedPages"]),
                         (3, 3 * MONO, 1, 4), kim_row)
        self.assertEqual(body["totals"]["pages"], 3 + 4)
        status, body = lee.get("usage/report?by=department&department=FIN-B")
        self.assertEqual((status, [r["key"] for r in body["rows"]]), (200, ["FIN-B"]))
        status, body = lee.get("usage/trend?months=12&department=FIN")
        self.assertEqual(status, 200, body)
        self.assertEqual(len(body["periods"]), 12)
        self.assertEqual(body["periods"][-1]["pages"], 7)
        status, body = lee.get("departments")
        self.assertEqual(sorted(d["code"] for d in body["departments"]), ["FIN", "FIN-B"])
        for path in ("usage/report?by=user&department=IT", "usage/trend?user=park",
                     "usage/savings?baseline=2026-01&department=IT"):
            status, body = lee.get(path)
            self.assertEqual((status, body["error"]), (403, "forbidden"), path)

        kim = login(self.server, "kim")
        status, body = kim.get("usage/report?by=user")
        self.assertEqual([r["key"] for r in body["rows"]], ["kim"])
        for path in ("usage/report?by=user&department=FIN-B", "usage/trend?user=lee", "usage/trend?user=nobody"):
            status, body = kim.get(path)
            self.assertEqual((status, body["error"]), (403, "forbidden"), path)
        status, body = kim.get("departments")
        self.assertEqual(body["departments"], [])

        choi = login(self.server, "choi")
        status, body = choi.get("usage/report?by=department")
        self.assertEqual([r["key"] for r in body["rows"]], ["FIN", "FIN-B", "IT"])
        self.assertEqual(body["totals"]["pages"], 3 + 4 + 5)

    def test_csv_has_the_json_numbers_and_mps_admin_prints_the_same(self):
        self.import_rows([("kim", "printed", 3, 2, 1, 0), ("park", "printed", 5, 1, 0, 1),
                          ("park", "expired", 2, 1, 0, 0)])
        self.server.admin("quota", "set", "--user", "park", "--limit", "1000", "--policy", "soft")
        choi = login(self.server, "choi")
        status, js = choi.get("usage/report?by=user")
        self.assertEqual(status, 200, js)
        raw = choi._opener.open(mpsit_request(choi, "usage/report?by=user&format=csv")).read()
        self.assertTrue(raw.startswith(b"\xef\xbb\xbf"), raw[:10])
        rows = list(csv.DictReader(io.StringIO(raw[3:].decode("utf-8"))))
        self.assertEqual(len(rows), len(js["rows"]) + 1)
        for line, row in zip(rows, js["rows"] + [js["totals"]]):
            self.assertEqual(line["key"], row["key"])
            for k in ("jobs", "pages", "sheets", "impressions", "colorImpressions", "duplexImpressions", "cost",
                      "savedJobs", "savedPages", "savedSheets", "savedCost", "crossDepartmentPages"):
                self.assertEqual(int(line[k]), row[k], (k, line, row))
            self.assertAlmostEqual(float(line["colorShare"]), row["colorShare"], places=4)
            self.assertAlmostEqual(float(line["duplexShare"]), row["duplexShare"], places=4)
        park = next(r for r in rows if r["key"] == "park")
        self.assertEqual(int(park["quotaLimit"]), 1000)
        admin = self.server.admin("report", "usage", "--by", "user", "--csv")
        self.assertEqual(admin.stdout.encode("utf-8"), raw)


def mpsit_request(api, path):
    """A urllib request for a non-JSON answer (the CSV) with the api's session."""
    import urllib.request
    return urllib.request.Request(api.url(path), headers={"Authorization": f"Bearer {api.token}",
                                                          "Accept": "text/csv"})


if __name__ == "__main__":
    unittest.main()
