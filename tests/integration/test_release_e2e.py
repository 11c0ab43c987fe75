"""Hold and release end to end against real peers (issue 2, sections 7 and 8):
desktop cupsd queue (driverless, -m everywhere) -> mps-server /ipp/print -> held per user ->
released over REST -> a real ippeveprinter. Run from tests/integration:

    MPS_BUILD_DIR=/work/main/build PYTHONPATH=../fixtures /usr/bin/python3 -m unittest -v test_release_e2e
"""

import shutil
import unittest

from peers import IppEvePrinter, MpsServer, ipptool_plist

import mpsit
from mpsit import PASSWORD, add_printer, add_user, login, sha256_bytes, sha256_file, upload, wait_job


class ReleaseE2ETest(unittest.TestCase):
    def setUp(self):
        self.tmp = mpsit.make_dir("mps-e2e-")
        self.addCleanup(shutil.rmtree, self.tmp, True)
        self.pdf = mpsit.make_multipage_pdf(self.tmp)
        with open(self.pdf, "rb") as f:
            self.pdf_bytes = f.read()
        self.server = None

    def start_server(self, trusted=True):
        """mps-server with users kim and lee; trusted=True lets the local cupsd vouch for its
        users by requesting-user-name (--trusted-user-hosts 127.0.0.1)."""
        self.server = MpsServer(extra_args=["--trusted-user-hosts", "127.0.0.1"] if trusted else [])
        self.addCleanup(self.server.close)
        for name in ("kim", "lee"):
            add_user(self.server, name)
        return self.server

    # -- helpers
    def printer(self, name, **kwargs):
        p = IppEvePrinter(name, settle=False, **kwargs)
        self.addCleanup(p.close)
        add_printer(self.server, name, p, location="3F-East")
        return p

    def release(self, api, job_id, printer, answered=("releasing", "printing", "printed"), **options):
        status, body = api.post(f"jobs/{job_id}/release", dict(printer=printer, **options))
        self.assertEqual(status, 202, body)
        self.assertIn(body["job"]["state"], answered, body)

    def wait(self, api, job_id, states, timeout=30):
        return wait_job(api, job_id, states, timeout, self.server)

    # -- (a) desktop CUPS queue -> held per user -> release, privacy between users
    def test_cups_queue_holds_per_user_and_releases_byte_identical(self):
        self.start_server()
        cupsd = mpsit.cups_queue_to_mps(self.server)
        self.addCleanup(cupsd.close)
        mfp = self.printer("mfp-3f")

        cups_kim = cupsd.lp("mps", self.pdf, user="kim")
        cups_lee = cupsd.lp("mps", self.pdf, user="lee")
        # raw: CUPS passes the file through unfiltered, so the server must hold the exact bytes.
        cups_kim_raw = cupsd.lp("mps", self.pdf, user="kim", options=["raw"], title="raw.pdf")
        for cups_job in (cups_kim, cups_lee, cups_kim_raw):
            self.assertEqual(cupsd.wait_job_done(cups_job, 60), "completed",
                             f"CUPS job {cups_job} did not complete\n{mpsit.log_tail(self.server)}")

        kim, lee = login(self.server, "kim"), login(self.server, "lee")
        kim_jobs = mpsit.all_jobs(kim)
        lee_jobs = mpsit.all_jobs(lee)
        self.assertEqual(len(kim_jobs), 2, kim_jobs)
        self.assertEqual(len(lee_jobs), 1, lee_jobs)
        for j in kim_jobs + lee_jobs:
            self.assertEqual(j["state"], "held", j)
            self.assertEqual(j["pages"], 3, j)
            self.assertEqual(j["documentFormat"], "application/pdf", j)
        self.assertEqual({j["owner"] for j in kim_jobs}, {"kim"})
        self.assertEqual(lee_jobs[0]["owner"], "lee")
        self.assertEqual(sorted(j["name"] for j in kim_jobs), ["raw.pdf", "report.pdf"])
        kim_filtered = next(j for j in kim_jobs if j["name"] == "report.pdf")
        kim_raw = next(j for j in kim_jobs if j["name"] == "raw.pdf")
        lee_job = lee_jobs[0]
        self.assertEqual(kim_raw["size"], len(self.pdf_bytes), kim_raw)

        # kim cannot see, change, delete or release lee's job: all look like "no such job".
        lid = lee_job["id"]
        self.assertNotIn(lid, [j["id"] for j in mpsit.all_jobs(kim, history=True)])
        self.assertEqual(kim.get(f"jobs/{lid}")[0], 404)
        self.assertEqual(kim.get(f"jobs/{lid}/thumbnail")[0], 404)
        self.assertEqual(kim.patch(f"jobs/{lid}", {"copies": 5})[0], 404)
        self.assertEqual(kim.post(f"jobs/{lid}/release", {"printer": "mfp-3f"})[0], 404)
        self.assertEqual(kim.delete(f"jobs/{lid}")[0], 404)
        after = mpsit.job(lee, lid)
        self.assertEqual(after["state"], "held", after)
        self.assertEqual(after["options"], lee_job["options"], after)
        self.assertEqual(mfp.received_files(), [], "a 404 release must not print anything")
        # The owner sees a thumbnail of the first page (rendered after the upload was answered: 202
        # "pending" until then, docs/api.md).
        mpsit.wait_for(lambda: kim.request("GET", f"jobs/{kim_filtered['id']}/thumbnail")[0] == 200, 30,
                       "kim's thumbnail")

        # Release kim's CUPS-filtered job: the printer gets what the server held.
        self.release(kim, kim_filtered["id"], "mfp-3f")
        printed = self.wait(kim, kim_filtered["id"], ("printed", "held"))
        self.assertEqual(printed["state"], "printed", printed)
        [kept] = mfp.wait_for_files(1)
        with open(kept, "rb") as f:
            kept_bytes = f.read()
        self.assertTrue(kept_bytes.startswith(b"%PDF-"), kept)
        self.assertEqual(len(kept_bytes), kim_filtered["size"],
                         "the printer did not get the document the server held")
        self.assertEqual(mpsit.pdf_pages(kept), 3)
        env = mfp.job_env(mfp.received_jobs()[0]["id"])
        self.assertEqual(env.get("IPP_JOB_ORIGINATING_USER_NAME"), "kim", env)
        self.assertEqual(env.get("IPP_DOCUMENT_FORMAT_SUPPLIED"), "application/pdf", env)

        # The raw job came through CUPS unchanged, so it prints byte-identical to the original.
        self.release(kim, kim_raw["id"], "mfp-3f")
        self.assertEqual(self.wait(kim, kim_raw["id"], ("printed", "held"))["state"], "printed")
        files = mfp.wait_for_files(2)
        self.assertEqual(sha256_file(files[1]), sha256_bytes(self.pdf_bytes),
                         "raw PDF from CUPS was not printed byte-identical")

        # lee's own release works and carries lee's name.
        self.release(lee, lid, "mfp-3f")
        self.assertEqual(self.wait(lee, lid, ("printed", "held"))["state"], "printed")
        mfp.wait_for_files(3)
        env = mfp.job_env(mfp.received_jobs()[2]["id"])
        self.assertEqual(env.get("IPP_JOB_ORIGINATING_USER_NAME"), "lee", env)
        self.assertEqual(len(mfp.printed_files()), 3)
        self.assertEqual(mpsit.all_jobs(kim), [], "printed jobs must leave the held list")

    # -- issue 13 section 2: only what the printer can do; refused before sending, with a code
    def test_duplex_release_to_simplex_printer_is_refused_with_code_and_job_stays_held(self):
        self.start_server(trusted=False)
        simplex = self.printer("mfp-simplex")            # ippeveprinter without -2: one-sided only
        self.printer("mfp-duplex", duplex=True)
        kim = login(self.server, "kim")
        printers = {p["name"]: p for p in kim.get("printers")[1]["printers"]}
        caps = printers["mfp-simplex"].get("capabilities")
        self.assertIsNotNone(caps, printers["mfp-simplex"])
        self.assertEqual(caps["sides"], ["one-sided"], caps)
        self.assertGreaterEqual(caps["copiesMax"], 1, caps)
        self.assertIsInstance(caps["color"], bool, caps)
        self.assertTrue(caps["media"], caps)
        self.assertIn("two-sided-long-edge", printers["mfp-duplex"]["capabilities"]["sides"])

        status, body = upload(kim, self.pdf_bytes, "duplex.pdf")
        self.assertEqual(status, 201, body)
        jid = body["job"]["id"]
        status, body = kim.post(f"jobs/{jid}/release",
                                {"printer": "mfp-simplex", "sides": "two-sided-long-edge"})
        self.assertEqual(status, 400, body)
        self.assertEqual((body["error"], body["option"], body["value"], body["printer"], body["supported"]),
                         ("option-unsupported", "sides", "two-sided-long-edge", "mfp-simplex",
                          ["one-sided"]), body)
        self.assertNotIn("Unsupported sides keyword", body["message"])
        j = mpsit.job(kim, jid)
        self.assertEqual((j["state"], j["options"]["sides"]), ("held", "one-sided"), j)
        self.assertEqual(j.get("stateReasonCode"), "option-unsupported", j)
        self.assertEqual(simplex.received_jobs(), [], "nothing may reach the printer")
        # Colour on a monochrome printer (ippeveprinter without a colour speed) is refused the same way.
        self.assertFalse(caps["color"], caps)
        status, body = kim.post(f"jobs/{jid}/release", {"printer": "mfp-simplex", "colorMode": "color"})
        self.assertEqual((status, body.get("error"), body.get("option"), body.get("value")),
                         (400, "option-unsupported", "colorMode", "color"), body)
        self.assertNotIn("color", body["supported"], body)
        # What it can do prints: the same job one-sided.
        self.release(kim, jid, "mfp-simplex", sides="one-sided")
        self.assertEqual(self.wait(kim, jid, ("printed", "held"))["state"], "printed")

    def test_duplex_to_a_printer_not_yet_checked_comes_back_held_with_the_code(self):
        # A printer added while the server runs may not have been asked for its capabilities yet: the
        # release is then refused at once (400) or, when they are not known yet, by the queue just
        # before sending; either way nothing is sent and the job is held with option-unsupported.
        self.start_server(trusted=False)
        kim = login(self.server, "kim")
        status, body = upload(kim, self.pdf_bytes, "later.pdf")
        self.assertEqual(status, 201, body)
        jid = body["job"]["id"]
        simplex = self.printer("mfp-new")
        status, body = kim.post(f"jobs/{jid}/release", {"printer": "mfp-new", "sides": "two-sided-short-edge"})
        if status == 400:
            self.assertEqual(body["error"], "option-unsupported", body)
            j = mpsit.job(kim, jid)
        else:
            self.assertEqual(status, 202, body)
            j = self.wait(kim, jid, ("held", "printed"))
        self.assertEqual((j["state"], j.get("stateReasonCode")), ("held", "option-unsupported"), j)
        args = j.get("stateReasonArgs", {})
        self.assertEqual((args.get("option"), args.get("value"), args.get("printer")),
                         ("sides", "two-sided-short-edge", "mfp-new"), j)
        self.assertNotIn("Unsupported", j.get("stateReason", ""), j)
        self.assertEqual(simplex.received_jobs(), [], "nothing may reach the printer")

    # -- (a) direct paths: REST upload and IPP Print-Job with a password -> byte-identical
    def test_rest_upload_and_ipp_print_job_print_byte_identical(self):
        # Password clients: no trusted hosts, so the credentials in the URI are what counts.
        self.start_server(trusted=False)
        mfp = self.printer("mfp-duplex", duplex=True)
        kim = login(self.server, "kim")
        status, body = upload(kim, self.pdf_bytes, "upload.pdf")
        self.assertEqual(status, 201, body)
        up = body["job"]
        self.assertEqual((up["state"], up["owner"], up["pages"], up["size"]),
                         ("held", "kim", 3, len(self.pdf_bytes)), up)

        uri = f"ipp://kim:{PASSWORD['kim']}@127.0.0.1:{self.server.port}/ipp/print"
        plist = ipptool_plist(uri, mpsit.PRINT_JOB_PDF_TEST % "ipp-upload.pdf", document=self.pdf)
        test = plist["Tests"][0]
        self.assertTrue(str(test.get("StatusCode")).startswith("successful-ok"), test)
        ipp_jobs = [j for j in mpsit.all_jobs(kim) if j["name"] == "ipp-upload.pdf"]
        self.assertEqual(len(ipp_jobs), 1, mpsit.all_jobs(kim))
        ipp_job = ipp_jobs[0]
        self.assertEqual((ipp_job["state"], ipp_job["owner"], ipp_job["size"]),
                         ("held", "kim", len(self.pdf_bytes)), ipp_job)
        # IPP says "held" too: job-state 4 (pending-held).
        ipp_state = next((g for g in test["ResponseAttributes"] if "job-state" in g), {})
        self.assertEqual(ipp_state.get("job-state"), 4, test["ResponseAttributes"])

        # Options chosen at release reach the printer.
        self.release(kim, up["id"], "mfp-duplex", copies=2, sides="two-sided-long-edge")
        self.assertEqual(self.wait(kim, up["id"], ("printed", "held"))["state"], "printed")
        self.release(kim, ipp_job["id"], mfp.name)
        self.assertEqual(self.wait(kim, ipp_job["id"], ("printed", "held"))["state"], "printed")
        files = mfp.wait_for_files(2)
        for path in files:
            self.assertEqual(sha256_file(path), sha256_bytes(self.pdf_bytes),
                             f"{path} differs from the submitted PDF")
        jobs = mfp.received_jobs()
        env = jobs[0]["env"]
        self.assertEqual(env.get("IPP_COPIES"), "2", env)
        self.assertEqual(env.get("IPP_SIDES"), "two-sided-long-edge", env)
        self.assertEqual(env.get("IPP_JOB_ORIGINATING_USER_NAME"), "kim", env)
        self.assertEqual([j["outcome"] for j in jobs], ["printed", "printed"])
        history = {j["id"]: j for j in mpsit.all_jobs(kim, history=True)}
        self.assertEqual(history[up["id"]]["state"], "printed")
        self.assertEqual(history[up["id"]]["options"]["copies"], 2)

    # -- (b) no PDF at the printer -> PWG raster with the right page count
    def test_printer_without_pdf_gets_pwg_raster(self):
        self.start_server()
        mfp = self.printer("mfp-raster", formats=("image/pwg-raster",))
        kim = login(self.server, "kim")
        status, body = upload(kim, self.pdf_bytes, "raster-me.pdf")
        self.assertEqual(status, 201, body)
        jid = body["job"]["id"]
        self.release(kim, jid, "mfp-raster")
        done = self.wait(kim, jid, ("printed", "held"), timeout=60)
        self.assertEqual(done["state"], "printed", done)
        [kept] = mfp.wait_for_files(1)
        with open(kept, "rb") as f:
            self.assertEqual(f.read(4), b"RaS2", kept)
        pages = mpsit.pwg_raster_pages(kept)
        self.assertEqual(len(pages), 3, pages)
        for p in pages:
            self.assertGreater(p["width"], 1000, p)
            self.assertGreater(p["height"], 1000, p)
        env = mfp.received_jobs()[0]["env"]
        self.assertEqual(env.get("IPP_DOCUMENT_FORMAT_SUPPLIED"), "image/pwg-raster", env)

    # -- (c) jam and empty tray: job stays held with the reason, nothing printed
    def release_refused_for_fault(self, api, job_id, mfp, fault_words, what, fault):
        """Release to a faulty printer: the job must come back held with a reason naming the
        fault (in English, and as code printer-fault with the printer and the IPP keyword `fault`
        for the apps to translate), and the printer must receive nothing (fails at once if it does)."""
        before = len(mfp.received_files())
        self.release(api, job_id, mfp.name)

        def outcome():
            j = mpsit.job(api, job_id)
            # "printing" = the server passed its fault check and sent the job.
            if len(mfp.received_files()) > before or (j and j["state"] == "printing"):
                return "sent"
            return j if j and j["state"] == "held" else None
        result = mpsit.wait_for(outcome, 30, f"job {job_id} back to held ({what})",
                                detail=lambda: mpsit.log_tail(self.server))
        self.assertNotEqual(result, "sent",
                            f"the job was sent to a printer with {what} "
                            f"(printer-state-reasons {mfp.state_reasons()}); server log:\n"
                            f"{mpsit.log_tail(self.server, 1500)}")
        reason = result["stateReason"].lower()
        self.assertTrue(any(w in reason for w in fault_words),
                        f"stateReason does not name {what}: {result['stateReason']!r}")
        self.assertEqual(result.get("stateReasonCode"), "printer-fault", result)
        args = result.get("stateReasonArgs", {})
        self.assertEqual(args.get("printer"), mfp.name, result)
        self.assertIn(fault, args.get("faults", []), result)
        return result

    def release_prints(self, api, job_id, mfp):
        self.release(api, job_id, mfp.name)
        done = self.wait(api, job_id, ("printed", "held"))
        self.assertEqual(done["state"], "printed", done)
        return done

    def test_jammed_printer_keeps_job_held_until_cleared(self):
        self.start_server()
        mfp = self.printer("mfp-jam")
        kim = login(self.server, "kim")
        status, body = upload(kim, self.pdf_bytes, "jam.pdf")
        self.assertEqual(status, 201, body)
        jid = body["job"]["id"]

        mfp.jam()
        self.assertTrue(mfp.has_reason("media-jam"), mfp.state_reasons())
        self.release_refused_for_fault(kim, jid, mfp, ("jam",), "a paper jam", "media-jam")
        status, body = kim.get("printers")
        [p] = body["printers"]
        self.assertFalse(p["canPrint"], p)
        self.assertIn("jam", p["faultText"].lower(), p)

        mfp.clear_jam()
        self.release_prints(kim, jid, mfp)
        [printed] = mfp.printed_files()
        self.assertEqual(sha256_file(printed), sha256_bytes(self.pdf_bytes))

    def test_empty_tray_keeps_job_held_until_refilled(self):
        self.start_server()
        mfp = self.printer("mfp-tray")
        kim = login(self.server, "kim")
        status, body = upload(kim, self.pdf_bytes, "tray.pdf")
        self.assertEqual(status, 201, body)
        jid = body["job"]["id"]

        mfp.empty_tray()
        self.assertTrue(mfp.has_reason("media-empty"), mfp.state_reasons())
        self.release_refused_for_fault(kim, jid, mfp, ("paper", "media"), "an empty tray", "media-empty")
        mfp.refill_tray()
        self.release_prints(kim, jid, mfp)
        [printed] = mfp.printed_files()
        self.assertEqual(sha256_file(printed), sha256_bytes(self.pdf_bytes))

    def test_toner_empty_and_offline_printer_keep_job_held(self):
        self.start_server()
        mfp = self.printer("mfp-toner")
        kim = login(self.server, "kim")
        status, body = upload(kim, self.pdf_bytes, "toner.pdf")
        self.assertEqual(status, 201, body)
        jid = body["job"]["id"]

        mfp.set_supplies(black=0)
        self.assertTrue(mfp.has_reason("toner-empty"), mfp.state_reasons())
        self.release_refused_for_fault(kim, jid, mfp, ("toner",), "no toner", "toner-empty")
        mfp.set_supplies(black=80)

        mfp.stop()
        before = len(mfp.received_files())
        # The release queue may find the stopped printer and hold the job again before the answer is
        # written, so the 202's snapshot can already say held.
        self.release(kim, jid, mfp.name, answered=("releasing", "held"))
        held = self.wait(kim, jid, "held")
        self.assertTrue(held["stateReason"], held)
        self.assertEqual(held.get("stateReasonCode"), "printer-fault", held)
        self.assertEqual(held["stateReasonArgs"], {"printer": mfp.name, "faults": ["offline"]}, held)
        mfp.start()
        self.assertEqual(len(mfp.received_files()), before)
        self.release_prints(kim, jid, mfp)
        self.assertEqual(len(mfp.printed_files()), 1)

    # -- (d) the printer aborts the job: held again, not printed
    def test_aborted_job_is_held_again_and_not_printed(self):
        self.start_server()
        mfp = self.printer("mfp-abort")
        mfp.set_mode("abort")
        kim = login(self.server, "kim")
        status, body = upload(kim, self.pdf_bytes, "abort.pdf")
        self.assertEqual(status, 201, body)
        jid = body["job"]["id"]
        self.release(kim, jid, "mfp-abort")
        mfp.wait_for_files(1)
        held = self.wait(kim, jid, "held")
        self.assertTrue(held["stateReason"], held)
        self.assertIn("abort", held["stateReason"].lower(), held)
        self.assertEqual(held.get("stateReasonCode"), "printer-aborted", held)
        self.assertEqual(held["stateReasonArgs"]["printer"], "mfp-abort", held)
        self.assertIsInstance(held["stateReasonArgs"]["reasons"], list, held)
        self.assertEqual(mfp.job_outcomes(), {1: "aborted"})
        history = mpsit.all_jobs(kim, history=True)
        self.assertEqual([(j["id"], j["state"]) for j in history], [(jid, "held")], history)
        self.assertEqual(mfp.printed_files(), [])

        # Held again means it can still be printed, once.
        mfp.set_mode("ok")
        self.release(kim, jid, "mfp-abort")
        self.assertEqual(self.wait(kim, jid, ("printed", "held"))["state"], "printed")
        self.assertEqual(len(mfp.printed_files()), 1)
        self.assertEqual(sha256_file(mfp.printed_files()[0]), sha256_bytes(self.pdf_bytes))

    # -- (e) push channel: own job events only
    def test_events_show_own_jobs_only(self):
        self.start_server()
        self.printer("mfp-events")
        kim, lee = login(self.server, "kim"), login(self.server, "lee")
        stream = mpsit.EventStream(self.server, kim.token)
        self.addCleanup(stream.close)
        self.assertEqual(stream.status, 200)
        self.assertIn("text/event-stream", stream.content_type)
        mpsit.wait_for(stream.connected.is_set, 10, "SSE stream to open")

        # lee's job comes and goes first; kim must hear nothing of it.
        status, body = upload(lee, self.pdf_bytes, "lee-private.pdf")
        self.assertEqual(status, 201, body)
        lee_id = body["job"]["id"]
        self.release(lee, lee_id, "mfp-events")
        self.assertEqual(self.wait(lee, lee_id, ("printed", "held"))["state"], "printed")

        status, body = upload(kim, self.pdf_bytes, "kim-own.pdf")
        self.assertEqual(status, 201, body)
        kim_id = body["job"]["id"]

        def is_kim(kind):
            return lambda e: (e["event"] == kind and isinstance(e["data"], dict)
                              and e["data"].get("job", {}).get("id") == kim_id)
        stream.wait_event(is_kim("job-held"), 10, "job-held for kim's job")
        self.release(kim, kim_id, "mfp-events")
        stream.wait_event(is_kim("job-printed"), 30, "job-printed for kim's job")

        events = stream.events()
        kinds = [e["event"] for e in events if isinstance(e["data"], dict)
                 and e["data"].get("job", {}).get("id") == kim_id]
        self.assertLess(kinds.index("job-held"), kinds.index("job-printed"), kinds)
        leaked = [e for e in events if isinstance(e["data"], dict) and (
            e["data"].get("job", {}).get("id") == lee_id
            or e["data"].get("job", {}).get("owner") == "lee")]
        self.assertEqual(leaked, [], "kim's stream carried lee's job")
        self.assertNotIn("lee-private", repr(events))


if __name__ == "__main__":
    unittest.main()
