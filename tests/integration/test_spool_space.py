"""Spool space (issue 14, docs/server.md "Spool space"), against a real mps-server and ipptool:

- one person's held jobs have a ceiling, in jobs and in MB: past it an upload is refused before its
  body is read (REST 409 hold-limit with the count or size, IPP client-error-not-possible), nothing is
  stored, another person still uploads, and a deleted job makes room again;
- a desktop's cupsd printing straight to the server (no tray) is refused at Create-Job, waits (its ipp
  backend sleeps 10 s between tries, its queue is not stopped) and prints once the person made room;
- uploads of one person arriving at the same moment count together, so that they cannot pass the ceiling
  together; one of untold length stops once past it;
- the admins get one mail when the spool's file system runs low, one when it is full and one when it has
  room again, in Korean and English, and a restart at the same level does not repeat it;
- a spool whose file system is down to its reserve refuses every upload (REST 507 spool-full, IPP
  server-error-busy), keeps nothing, says so in one log line however many it
  refuses, and still signs people in, lists and deletes;
- a disk that really fills up part way through an upload of untold length (the data directory on a
  48 MiB tmpfs, no reserve) gives the same 507 spool-full, not a 500, leaves nothing behind, and the
  next upload is held.

Run from tests/integration:

    MPS_BUILD_DIR=/work/main/build PYTHONPATH=../fixtures /usr/bin/python3 -m unittest -v test_spool_space
"""

import http.client
import json
import os
import re
import select
import shutil
import socket
import struct
import subprocess
import unittest

from mail import MailServer
from peers import MpsServer, ipptool_plist

import mpsit
from mpsit import PASSWORD, add_user, login, upload


class SpoolSpaceTest(unittest.TestCase):
    def start(self, *ini_lines):
        self.tmp = mpsit.make_dir("mps-spool-space-")
        self.addCleanup(shutil.rmtree, self.tmp, True)
        ini = os.path.join(self.tmp, "server.ini")
        with open(ini, "w") as f:
            f.write("".join(line + "\n" for line in ini_lines))
        self.server = MpsServer(extra_args=["--config", ini])
        self.addCleanup(self.server.close)
        for name in ("kim", "lee"):
            add_user(self.server, name)
        self.kim = login(self.server, "kim")
        self.lee = login(self.server, "lee")
        self.pdf = mpsit.make_padded_pdf(os.path.join(self.tmp, "small.pdf"), 100_000)
        with open(self.pdf, "rb") as f:
            self.pdf_bytes = f.read()

    def ipp_print(self, user, name):
        uri = f"ipp://{user}:{PASSWORD[user]}@127.0.0.1:{self.server.port}/ipp/print"
        return ipptool_plist(uri, mpsit.PRINT_JOB_PDF_TEST % name, document=self.pdf)["Tests"][0]

    def ipp_create_job(self, user, name):
        test = ("{\n  OPERATION Create-Job\n  GROUP operation-attributes-tag\n"
                "  ATTR charset attributes-charset utf-8\n  ATTR naturalLanguage attributes-natural-language en\n"
                "  ATTR uri printer-uri $uri\n  ATTR name requesting-user-name $user\n"
                f"  ATTR name job-name \"{name}\"\n}}\n")
        uri = f"ipp://{user}:{PASSWORD[user]}@127.0.0.1:{self.server.port}/ipp/print"
        return ipptool_plist(uri, test)["Tests"][0]

    def health(self):
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=10)
        try:
            conn.request("GET", "/healthz")
            response = conn.getresponse()
            self.assertEqual(response.status, 200)
            return json.loads(response.read())
        finally:
            conn.close()

    def live_names(self, api):
        return sorted(j["name"] for j in mpsit.all_jobs(api))

    def assert_no_temp_files(self, what):
        mpsit.wait_for(lambda: not mpsit.spool_tmp_files(self.server), 10, f"spool/tmp empty {what}",
                       detail=lambda: mpsit.log_tail(self.server))

    def test_held_jobs_have_a_ceiling_per_person(self):
        self.start("max-held-jobs = 2")
        for name in ("one.pdf", "two.pdf"):
            status, body = upload(self.kim, self.pdf_bytes, name)
            self.assertEqual(status, 201, body)
        # The third is refused with what the apps need to say it, and nothing of it is kept.
        status, body = upload(self.kim, self.pdf_bytes, "three.pdf")
        self.assertEqual((status, body.get("error")), (409, "hold-limit"), body)
        self.assertEqual((body.get("jobs"), body.get("maxJobs")), (2, 2), body)
        self.assertIn("Print or delete some", body.get("message", ""), body)
        result = self.ipp_print("kim", "three-ipp.pdf")
        self.assertEqual(result.get("StatusCode"), "client-error-not-possible", result)
        result = self.ipp_create_job("kim", "three-create.pdf")
        self.assertEqual(result.get("StatusCode"), "client-error-not-possible", result)
        self.assertIn("2 jobs waiting", str(result), result)
        self.assertEqual(self.live_names(self.kim), ["one.pdf", "two.pdf"])
        self.assert_no_temp_files("after the refusals")
        self.assertEqual(len(mpsit.spool_job_files(self.server)), 2)
        # A desktop that asks for the printer's attributes with kim's credentials sees her 2 jobs.
        body = mpsit.ipp_request(0x000B, 1, self.server.ipp_uri, user="kim",
                                 extra=[("keyword", "requested-attributes", "queued-job-count")])
        status, _, payload = mpsit.http_post(self.server, "/ipp/print", body, {
            "Content-Type": "application/ipp", "Authorization": mpsit.basic_auth("kim", PASSWORD["kim"])})
        self.assertEqual(status, 200)
        _, ipp_status, _, attrs = mpsit.parse_ipp_response(payload)
        self.assertEqual((ipp_status, attrs.get("queued-job-count")), (0, [struct.pack(">i", 2)]), attrs)
        # The admin sees who is at the ceiling: held jobs and their MB (rounded up) end each user's line.
        rows = {line.split("\t")[0]: line.split("\t") for line in
                self.server.admin("user", "list").stdout.splitlines()}
        self.assertEqual((rows["kim"][8:], rows["lee"][8:]), (["2", "1"], ["0", "0"]), rows)
        self.assertEqual(self.health()["spool"]["full"], False)  # the ceiling is not the disk
        # The ceiling is kim's, not everyone's.
        status, body = upload(self.lee, self.pdf_bytes, "lees.pdf")
        self.assertEqual(status, 201, body)
        # A deleted job makes room: the next upload, by REST or IPP, is held.
        first = next(j for j in mpsit.all_jobs(self.kim) if j["name"] == "one.pdf")
        self.assertEqual(self.kim.delete(f"jobs/{first['id']}")[0], 200)
        result = self.ipp_print("kim", "three-ipp.pdf")
        self.assertEqual(result.get("StatusCode"), "successful-ok", result)
        self.assertEqual(self.live_names(self.kim), ["three-ipp.pdf", "two.pdf"])

    def test_a_script_uploading_past_its_ceiling_does_not_fill_the_log(self):
        # Each refusal of a signed-in person used to be one log line: a script uploading in a loop at
        # its ceiling wrote a line per try. Now ten a minute per person are told in full (a person who
        # tries a few times sees each), and the rest are summed up once the minute is over.
        self.start("max-held-jobs = 1")
        status, body = upload(self.kim, self.pdf_bytes, "one.pdf")
        self.assertEqual(status, 201, body)
        for i in range(30):
            status, body = upload(self.kim, self.pdf_bytes, f"again-{i}.pdf")
            self.assertEqual((status, body.get("error")), (409, "hold-limit"), body)
        status, body = upload(self.lee, self.pdf_bytes, "lees.pdf")
        self.assertEqual(status, 201, body)
        status, body = upload(self.lee, self.pdf_bytes, "lees-second.pdf")
        self.assertEqual(status, 409, body)
        log = self.server.log()
        kims = [line for line in log.splitlines() if "by kim refused: You already have 1 jobs waiting" in line]
        self.assertEqual(len(kims), 10, mpsit.log_tail(self.server))
        self.assertEqual(len(re.findall(r"by lee refused: You already have 1 jobs waiting", log)), 1, log)
        self.assertNotIn("uploads of kim refused", log)  # the summary waits for the minute's end
        self.assertEqual(self.live_names(self.kim), ["one.pdf"])

    @unittest.skipUnless(os.geteuid() == 0, "a throwaway cupsd (runs as root)")
    def test_a_desktop_queue_printing_straight_to_the_server_waits_at_the_ceiling(self):
        # An office's cupsd whose queue prints straight to ipp://server/ipp/print (no tray): a job of a
        # person at the ceiling is answered client-error-not-possible. CUPS's ipp backend takes that,
        # like busy, for "the printer is in use": the job waits in the desktop's queue, which is not
        # stopped, and goes by itself once the person has made room. Between its tries the backend
        # waits 10 s when Create-Job is refused, but none when Send-Document is: so Create-Job is
        # refused at the ceiling, and for 10 s after a document of the same person was.
        self.start("max-held-jobs = 1", "max-held-mb = 1", "trusted-user-hosts = 127.0.0.1")
        cupsd = mpsit.cups_queue_to_mps(self.server)
        self.addCleanup(cupsd.close)
        refusals = lambda: len(re.findall(r"for kim refused", self.server.log()))  # noqa: E731

        def assert_waiting(cups_job, what):
            before = refusals()
            # Refused at least twice: the backend tried again, ten seconds later. After a refused
            # Send-Document it started again at once: dozens of refusals a second, a job id each.
            mpsit.wait_for(lambda: refusals() >= before + 2, 60, f"the server to refuse {what} twice",
                           detail=lambda: mpsit.log_tail(self.server) + cupsd.diagnostics())
            self.assertLessEqual(refusals() - before, 3, mpsit.log_tail(self.server))
            attrs = cupsd.job_attributes(cups_job)
            self.assertIn(attrs["job-state-keyword"], ("pending", "processing"), attrs)
            queue = cupsd.queue_attributes("mps", ("printer-state", "printer-state-reasons"))
            self.assertNotEqual(queue.get("printer-state"), 5, queue)  # 5: stopped

        # A document larger than the megabyte ceiling (sent raw, so that CUPS passes its bytes): its
        # Create-Job fits, its Send-Document does not.
        large = mpsit.make_padded_pdf(os.path.join(self.tmp, "large.pdf"), 1536 * 1024)
        cups_large = cupsd.lp("mps", large, user="kim", options=["raw"], title="large.pdf")
        assert_waiting(cups_large, "large.pdf")
        self.assertRegex(self.server.log(), r"job \d+ for kim refused: Your waiting jobs already take 0 MB")
        self.assertIn("Create-Job for kim refused (its last document was refused", self.server.log())
        cupsd.cancel(cups_large)
        self.assertEqual(self.live_names(self.kim), [])

        # At the ceiling of one job: refused at Create-Job.
        status, body = upload(self.kim, self.pdf_bytes, "one.pdf")
        self.assertEqual(status, 201, body)
        cups_job = cupsd.lp("mps", self.pdf, user="kim", title="desk.pdf")
        assert_waiting(cups_job, "desk.pdf")
        self.assertIn("Create-Job for kim refused: You already have 1 jobs waiting", self.server.log())
        self.assertEqual(self.live_names(self.kim), ["one.pdf"])
        # Room: the waiting job arrives and is held, and the desktop's job is completed.
        one = next(j for j in mpsit.all_jobs(self.kim) if j["name"] == "one.pdf")
        self.assertEqual(self.kim.delete(f"jobs/{one['id']}")[0], 200)
        self.assertEqual(cupsd.wait_job_done(cups_job, 90), "completed", cupsd.diagnostics())
        mpsit.wait_for(lambda: self.live_names(self.kim) == ["desk.pdf"], 30, "desk.pdf held for kim",
                       detail=lambda: self.live_names(self.kim))

    def test_held_megabytes_have_a_ceiling_per_person(self):
        self.start("max-held-mb = 3", "max-held-jobs = 0")
        big = mpsit.make_padded_pdf(os.path.join(self.tmp, "big.pdf"), 2 * 1024 * 1024)
        with open(big, "rb") as f:
            big_bytes = f.read()
        status, body = upload(self.kim, big_bytes, "big-1.pdf")
        self.assertEqual(status, 201, body)
        # 2 MB held and 2 MB more told by Content-Length: past the 3 MB.
        status, body = upload(self.kim, big_bytes, "big-2.pdf")
        self.assertEqual((status, body.get("error")), (409, "hold-limit"), body)
        self.assertEqual((body.get("megabytes"), body.get("maxMegabytes")), (2, 3), body)
        # A small one still fits.
        status, body = upload(self.kim, self.pdf_bytes, "small.pdf")
        self.assertEqual(status, 201, body)
        self.assertEqual(self.live_names(self.kim), ["big-1.pdf", "small.pdf"])

    def open_upload(self, api, name, body, sent):
        """A REST upload on its own socket whose request head and first `sent` bytes of `body` are sent,
        the rest held back (its Content-Length tells all of it)."""
        sock = socket.create_connection(("127.0.0.1", self.server.port), timeout=30)
        self.addCleanup(sock.close)
        sock.sendall((f"POST /api/v1/jobs?name={name} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      f"Authorization: Bearer {api.token}\r\nContent-Type: application/pdf\r\n"
                      f"Content-Length: {len(body)}\r\n\r\n").encode() + body[:sent])
        return sock

    @staticmethod
    def answer_of(sock):
        """(status, JSON body) of the one answer on `sock`."""
        data = b""
        while b"\r\n\r\n" not in data:
            more = sock.recv(65536)
            if not more:
                raise AssertionError(f"connection closed before an answer: {data!r}")
            data += more
        head, _, rest = data.partition(b"\r\n\r\n")
        length = int(re.search(rb"(?i)content-length: *(\d+)", head).group(1))
        while len(rest) < length:
            more = sock.recv(65536)
            if not more:
                break
            rest += more
        return int(head.split()[1]), json.loads(rest[:length])

    def test_uploads_at_the_same_moment_cannot_pass_the_ceiling_together(self):
        # Six uploads of one person at once: more than the four one person may send at once
        # (max-uploads-per-user), whose refusal (429 too-many-uploads) test_bounded_work checks. Under it,
        # a fifth upload arriving before two refused ones have left would be refused by it instead of by
        # the ceiling this test is about.
        self.start("max-held-jobs = 3", "max-uploads-per-user = 8")
        status, body = upload(self.kim, self.pdf_bytes, "held.pdf")
        self.assertEqual(status, 201, body)
        # Six uploads at once, each past what the server reads before its handler runs (4 MiB) and
        # each stopped after 512 KiB: all six are past their ceiling check and none is complete.
        big = mpsit.make_padded_pdf(os.path.join(self.tmp, "five.pdf"), 5 * 1024 * 1024)
        with open(big, "rb") as f:
            big_bytes = f.read()
        socks = [self.open_upload(self.kim, f"race-{i}.pdf", big_bytes, 512 * 1024) for i in range(6)]
        # Two fit beside the one held; the other four are refused without waiting for their bodies.
        answered = {}

        def four_refused():
            ready, _, _ = select.select([s for s in socks if s not in answered], [], [], 0.1)
            for s in ready:
                answered[s] = self.answer_of(s)
            return len(answered) >= 4

        mpsit.wait_for(four_refused, 20, "four of six uploads refused at the ceiling",
                       detail=lambda: f"{answered}\n{mpsit.log_tail(self.server)}")
        self.assertEqual(len(answered), 4, answered)
        for status, body in answered.values():
            self.assertEqual((status, body.get("error"), body.get("maxJobs")), (409, "hold-limit", 3), body)
            self.assertEqual(body.get("jobs"), 3, body)  # the one held and the two arriving
        for s in socks:
            if s not in answered:
                s.sendall(big_bytes[512 * 1024:])
                status, body = self.answer_of(s)
                self.assertEqual(status, 201, body)
        self.assertEqual(len(self.live_names(self.kim)), 3)
        self.assert_no_temp_files("after the race")
        # Given back: after a deletion, one more fits.
        self.assertEqual(self.kim.delete(f"jobs/{mpsit.all_jobs(self.kim)[0]['id']}")[0], 200)
        status, body = upload(self.kim, self.pdf_bytes, "after.pdf")
        self.assertEqual(status, 201, body)

    def test_uploads_of_untold_length_at_the_same_moment_stay_under_the_megabyte_ceiling(self):
        self.start("max-held-mb = 10", "max-held-jobs = 0")
        eight = mpsit.make_padded_pdf(os.path.join(self.tmp, "eight.pdf"), 8 * 1024 * 1024)
        with open(eight, "rb") as f:
            document = f.read()

        def chunks(data):
            return b"".join(b"%x\r\n%s\r\n" % (len(data[i:i + 65536]), data[i:i + 65536])
                            for i in range(0, len(data), 65536))

        # Two chunked uploads of 8 MiB, each sent as far as 5 MiB (past what the server reads ahead
        # before their handlers run and claim their places), then both finished.
        socks = []
        for name in ("race-a.pdf", "race-b.pdf"):
            sock = socket.create_connection(("127.0.0.1", self.server.port), timeout=30)
            self.addCleanup(sock.close)
            sock.sendall((f"POST /api/v1/jobs?name={name} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                          f"Authorization: Bearer {self.kim.token}\r\nContent-Type: application/pdf\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n").encode() + chunks(document[:5 * 1024 * 1024]))
            socks.append(sock)
        answers = []
        for sock in socks:
            try:
                sock.sendall(chunks(document[5 * 1024 * 1024:]) + b"0\r\n\r\n")
            except (BrokenPipeError, ConnectionResetError):
                pass  # refused part way: the answer may still be there to read
            try:
                answers.append(self.answer_of(sock))
            except (AssertionError, ConnectionResetError) as e:
                answers.append((None, str(e)))
        # Together they would hold 16 MiB: at most one is held, the ceiling is not passed.
        held = [a for a in answers if a[0] == 201]
        self.assertLessEqual(len(held), 1, answers)
        for status, body in answers:
            if status not in (201, None):
                self.assertEqual((status, body.get("error")), (409, "hold-limit"), body)
        self.assertEqual(len(mpsit.spool_job_files(self.server)), len(held))
        self.assertEqual(len(mpsit.all_jobs(self.kim)), len(held))
        self.assert_no_temp_files("after the race")

    def chunked_upload(self, api, name, data):
        """A REST upload of untold length (chunked) -> (status, JSON body or None). The server may
        answer and close before all is sent; then the answer may be lost with the rest of the body."""
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=60)
        try:
            conn.request("POST", f"/api/v1/jobs?name={name}",
                         body=(data[i:i + 65536] for i in range(0, len(data), 65536)),
                         headers={"Authorization": f"Bearer {api.token}", "Content-Type": "application/pdf"},
                         encode_chunked=True)
            response = conn.getresponse()
            return response.status, json.loads(response.read())
        except (BrokenPipeError, ConnectionResetError):
            return None, None
        finally:
            conn.close()

    def test_an_upload_of_untold_length_stops_at_the_megabyte_ceiling(self):
        self.start("max-held-mb = 5", "max-held-jobs = 0")
        # Sent chunked, its length is known at the ceiling's first check only as far as the server has
        # read ahead (4 MiB): it passes that check, then stops once past the 5 MB.
        eight = mpsit.make_padded_pdf(os.path.join(self.tmp, "eight.pdf"), 8 * 1024 * 1024)
        with open(eight, "rb") as f:
            status, body = self.chunked_upload(self.kim, "eight.pdf", f.read())
        if status is not None:
            self.assertEqual((status, body.get("error"), body.get("megabytes"), body.get("maxMegabytes")),
                             (409, "hold-limit", 0, 5), body)
        mpsit.wait_for(lambda: "holds at most 5 MB" in mpsit.log_tail(self.server), 10, "the refusal's log line",
                       detail=lambda: mpsit.log_tail(self.server))
        self.assert_no_temp_files("after the refusal")
        self.assertEqual(mpsit.all_jobs(self.kim, history=True), [])
        # One that fits is held.
        three = mpsit.make_padded_pdf(os.path.join(self.tmp, "three.pdf"), 3 * 1024 * 1024)
        with open(three, "rb") as f:
            status, body = self.chunked_upload(self.kim, "three.pdf", f.read())
        self.assertEqual(status, 201, body)
        self.assertEqual(len(mpsit.spool_job_files(self.server)), 1)

    def test_a_spool_at_its_reserve_refuses_uploads_and_keeps_serving(self):
        # A reserve larger than any disk here: the spool's file system is always "at its reserve".
        self.start("spool-reserve-mb = 2000000000")
        status, body = upload(self.kim, self.pdf_bytes, "kept-out.pdf")
        self.assertEqual((status, body.get("error")), (507, "spool-full"), body)
        self.assertIn("storage is full", body.get("message", ""), body)
        status, body = upload(self.lee, self.pdf_bytes, "lees.pdf")
        self.assertEqual((status, body.get("error")), (507, "spool-full"), body)
        result = self.ipp_print("kim", "kept-out-ipp.pdf")
        self.assertEqual(result.get("StatusCode"), "server-error-busy", result)
        self.assertIn("storage is full", str(result), result)  # its status-message
        # Create-Job is refused already, before a job is reserved (a desktop's cupsd then waits).
        result = self.ipp_create_job("kim", "kept-out-create.pdf")
        self.assertEqual(result.get("StatusCode"), "server-error-busy", result)
        # Nothing of them is kept.
        self.assert_no_temp_files("after the refusals")
        self.assertEqual(mpsit.spool_job_files(self.server), [])
        self.assertEqual(mpsit.all_jobs(self.kim, history=True), [])
        # Still serving: sign-ins, lists; monitoring sees the spool is full.
        self.assertEqual(self.health()["spool"]["full"], True)
        self.assertEqual(self.health()["spool"]["reserveMb"], 2000000000)
        self.assertEqual(login(self.server, "kim").get("jobs")[0], 200)
        # Four refusals, one warning line (at most one a minute), with the reserve it keeps.
        with open(self.server.log_path, encoding="utf-8", errors="replace") as f:
            lines = [line for line in f if "the spool is full" in line]
        self.assertEqual(len(lines), 1, lines)
        self.assertIn("2000000000 MB kept in reserve", lines[0])


    def test_the_admins_are_mailed_as_the_spool_fills_and_empties(self):
        mail = MailServer(user="mps", password="relay-pw")
        self.addCleanup(mail.close)

        def configure(*lines):
            with open(self.ini, "w") as f:
                f.write("".join(line + "\n" for line in lines + ("expiry-sweep-seconds = 1",)))
                f.write(mail.config_lines())

        # Low: less free space than spool-warn-mb. The first check finds no admin with an address yet;
        # the mail waits for one.
        self.start("spool-warn-mb = 2000000000", "expiry-sweep-seconds = 1", mail.config_lines())
        self.ini = os.path.join(self.tmp, "server.ini")
        add_user(self.server, "park", role="admin")
        self.server.admin("user", "edit", "park", "--email", "park@example.test")
        (low,) = mail.wait_for_messages(1, 30, where=lambda m: "storage low" in m.subject)
        self.assertEqual(low.rcpt_to, ["park@example.test"])
        self.assertIn("저장 공간이 부족합니다", low.text)
        self.assertIn("The print server's storage is running low", low.text)
        self.assertIn(os.path.join(self.server.data_dir, "spool"), low.text)
        self.assertTrue(low.tls)
        # Full: the reserve is more than the disk has. A restart at the same level mails nothing again
        # (the level is stored), so only the full one comes.
        self.server.restart()
        configure("spool-reserve-mb = 2000000000", "spool-warn-mb = 2000000000")
        self.server.restart()
        (full,) = mail.wait_for_messages(1, 30, where=lambda m: "storage full" in m.subject)
        self.assertIn("저장 공간이 가득 찼습니다", full.text)
        self.assertIn("2000000000 MB kept in reserve", full.text)
        # Room again: the all-clear.
        configure("spool-reserve-mb = 0", "spool-warn-mb = 1")
        self.server.restart()
        (room,) = mail.wait_for_messages(1, 30, where=lambda m: "has room again" in m.subject)
        self.assertIn("다시 여유가 있습니다", room.text)
        self.assertEqual(sorted(m.subject.split(" / ")[1].split(":")[0] for m in mail.messages()),
                         ["Print server storage full", "Print server storage has room again",
                          "Print server storage low"], [m.subject for m in mail.messages()])
        with open(self.server.log_path, encoding="utf-8", errors="replace") as f:
            log = f.read()
        for level in ("low", "full", "ok"):
            self.assertEqual(log.count(f"spool {level}: "), 1, log[-3000:])

    def start_on_tmpfs(self, *ini_lines):
        """mps-server with its data directory on a 48 MiB tmpfs of its own -> the tmpfs's path."""
        self.tmp = mpsit.make_dir("mps-spool-tmpfs-")
        self.addCleanup(shutil.rmtree, self.tmp, True)
        disk = os.path.join(self.tmp, "disk")
        os.makedirs(disk)
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=48m,mode=0700", "mps-spool-test", disk], check=True)
        self.addCleanup(subprocess.run, ["umount", "-l", disk], check=False)
        ini = os.path.join(self.tmp, "server.ini")
        with open(ini, "w") as f:
            f.write("".join(line + "\n" for line in ini_lines))
        self.server = MpsServer(data_dir=os.path.join(disk, "data"), extra_args=["--config", ini])
        self.addCleanup(self.server.close)
        return disk

    @unittest.skipUnless(os.geteuid() == 0, "mounts a tmpfs")
    def test_a_disk_that_fills_part_way_is_spool_full(self):
        disk = self.start_on_tmpfs("spool-reserve-mb = 0")
        add_user(self.server, "kim")
        kim = login(self.server, "kim")

        # 64 MiB sent chunked (no length told, so nothing refuses it before the disk is full).
        chunk = os.urandom(1024 * 1024)

        def body():
            yield b"%PDF-1.4\n"
            for _ in range(64):
                yield chunk

        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=120)
        try:
            conn.request("POST", "/api/v1/jobs?name=too-big-for-the-disk.pdf", body=body(),
                         headers={"Authorization": f"Bearer {kim.token}", "Content-Type": "application/pdf"},
                         encode_chunked=True)
            response = conn.getresponse()
            status, answer = response.status, response.read()
        except (BrokenPipeError, ConnectionResetError):
            # The server answers and closes as soon as it refuses; the answer may be lost with the rest
            # of the body. The log says what it answered.
            status, answer = None, b""
        finally:
            conn.close()
        if status is not None:
            self.assertEqual(status, 507, answer)
            self.assertIn(b"spool-full", answer)
        mpsit.wait_for(lambda: "the spool is full" in mpsit.log_tail(self.server), 10,
                       "the spool-full warning", detail=lambda: mpsit.log_tail(self.server))
        self.assert_no_temp_files_in(disk)
        self.assertEqual(mpsit.all_jobs(kim, history=True), [])
        # The space is back, the database was not hurt: the next upload is held.
        with open(mpsit.make_padded_pdf(os.path.join(self.tmp, "small.pdf"), 100_000), "rb") as f:
            status, answer = upload(kim, f.read(), "after.pdf")
        self.assertEqual(status, 201, answer)

    @unittest.skipUnless(os.geteuid() == 0, "mounts a tmpfs")
    def test_the_admins_trays_hear_as_the_disk_fills_and_empties(self):
        # The data directory on a 48 MiB tmpfs that something else fills: low below 40 MB, full at the
        # last megabyte (no reserve), then room again.
        disk = self.start_on_tmpfs("spool-reserve-mb = 0", "spool-warn-mb = 40", "expiry-sweep-seconds = 1")
        add_user(self.server, "park", role="admin")
        add_user(self.server, "kim")
        admin = mpsit.EventStream(self.server, login(self.server, "park").token)
        self.addCleanup(admin.close)
        user = mpsit.EventStream(self.server, login(self.server, "kim").token)
        self.addCleanup(user.close)
        admin.connected.wait(10)

        def alerts(stream):
            return [e["data"]["condition"] for e in stream.events() if e["event"] == "server-alert"]

        def fill(name, megabytes):
            with open(os.path.join(disk, name), "wb") as f:
                f.write(b"\0" * int(megabytes * 1024 * 1024))

        fill("filler-1", 16)
        event = admin.wait_event(lambda e: e["event"] == "server-alert", 15, "spool-low")["data"]
        self.assertEqual(event["condition"], "spool-low", event)
        self.assertLess(event["freeMb"], 40, event)
        self.assertEqual(event["reserveMb"], 0, event)
        free = shutil.disk_usage(disk).free
        fill("filler-2", (free - 512 * 1024) / (1024 * 1024))
        admin.wait_event(lambda e: e["event"] == "server-alert" and e["data"]["condition"] == "spool-full", 15,
                         "spool-full")
        os.unlink(os.path.join(disk, "filler-2"))
        os.unlink(os.path.join(disk, "filler-1"))
        admin.wait_event(lambda e: e["event"] == "server-alert" and e["data"]["condition"] == "spool-ok", 15,
                         "spool-ok")
        self.assertEqual(alerts(admin), ["spool-low", "spool-full", "spool-ok"])
        self.assertEqual(alerts(user), [], "only print admins hear about the server")

    def assert_no_temp_files_in(self, disk):
        tmp = os.path.join(disk, "data", "spool", "tmp")
        mpsit.wait_for(lambda: not os.listdir(tmp), 10, "spool/tmp empty after the refusal",
                       detail=lambda: mpsit.log_tail(self.server))


if __name__ == "__main__":
    unittest.main()
