#!/usr/bin/python3
"""Scan to e-mail (issue 11 section 4, docs/scan.md), against a real mps-server and the real aiosmtpd
relay with STARTTLS (tests/fixtures/mail.py):

A. Send -> mail accepted: the time from the last page's upload being answered and Send being called
   (the POST .../send) to the relay having the whole message (the Maildir file's mtime, written when
   aiosmtpd accepts DATA). Includes making the PDF from the encrypted spool, STARTTLS and the transfer.
B. PDF bytes per page by mode (colour, grey, black-and-white) and resolution (150, 300): realistic
   document pages (CUPS's own test documents, rendered by pdftoppm as a scanner would deliver them:
   JPEG quality 80 for colour and grey, 1-bit PNG for black-and-white), sent through the server; the
   size is the attachment the relay received. Also the SANE test backend's "Color pattern" page.

    /usr/bin/python3 bench/bench_scan.py [--runs 10] [--pages 3] [--out scan]
"""

import argparse
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402  (sets MPS_PEER_TMP, imports peers)
from common import log, summary_ms  # noqa: E402
from peers import MpsServer  # noqa: E402

sys.path.insert(0, os.path.join(common.REPO, "tests", "fixtures"))
from mail import MailServer  # noqa: E402

DOCS = ["/usr/share/cups/data/standard.pdf", "/usr/share/cups/data/form_english.pdf",
        "/usr/share/cups/data/default-testpage.pdf"]
PIN = "482913"


def render_pages(work, mode, dpi):
    """Pages of the CUPS test documents as the kiosk uploads them -> [(bytes, content type)]."""
    out = []
    for i, doc in enumerate(DOCS):
        prefix = os.path.join(work, f"{mode}-{dpi}-{i}")
        argv = ["pdftoppm", "-r", str(dpi), "-f", "1", "-l", "1"]
        if mode == "lineart":
            argv += ["-mono", "-png"]
        else:
            argv += ["-jpeg", "-jpegopt", "quality=80"] + (["-gray"] if mode == "gray" else [])
        subprocess.run(argv + [doc, prefix], check=True)
        (path,) = glob.glob(prefix + "*")
        with open(path, "rb") as f:
            out.append((f.read(), "image/png" if mode == "lineart" else "image/jpeg"))
    return out


def sane_page(work):
    conf = os.path.join(work, "sane")
    os.makedirs(conf, exist_ok=True)
    with open(os.path.join(conf, "dll.conf"), "w") as f:
        f.write("test\n")
    path = os.path.join(work, "sane.jpg")
    subprocess.run(["scanimage", "-d", "test", "--mode", "Gray", "--test-picture", "Color pattern",
                    "--resolution", "150", "--format=jpeg", "-o", path], check=True,
                   env=dict(os.environ, SANE_CONFIG_DIR=conf))
    with open(path, "rb") as f:
        return f.read()


class Kiosk:
    def __init__(self, server, device):
        self.server, self.device = server, device
        self.api = server.api()
        status, body = self.api.post("kiosk/session", {"username": "kim", "pin": PIN}, headers=device)
        assert status == 200, body
        self.api.token = body["token"]

    def call(self, method, path, body=None, raw=None, ctype=None):
        headers = dict(self.device)
        if ctype:
            headers["Content-Type"] = ctype
        return self.api.request(method, path, body, raw=raw, headers=headers)

    def scan(self, name, mode, dpi, pages):
        status, body = self.call("POST", "kiosk/scans", {"fileName": name, "mode": mode, "resolution": dpi})
        assert status == 201, body
        sid = body["scan"]["id"]
        for n, (data, ctype) in enumerate(pages, 1):
            status, body = self.call("PUT", f"kiosk/scans/{sid}/pages/{n}", raw=data, ctype=ctype)
            assert status == 200, body
        return sid


def wait_mail(mail, subject_part, timeout=120):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for path in glob.glob(os.path.join(mail.maildir, "new", "*")):
            with open(path, "rb") as f:
                raw = f.read()
            if subject_part.encode() in raw or subject_part in raw.decode("utf-8", "replace"):
                return path
        time.sleep(0.005)
    raise TimeoutError(f"no mail with {subject_part}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=10, help="timed sends (A)")
    ap.add_argument("--pages", type=int, default=3, help="pages per timed send (A)")
    ap.add_argument("--out", default="scan")
    args = ap.parse_args()
    build_dir, snapshot = common.snapshot_build()
    machine = common.machine_info()
    work = tempfile.mkdtemp(prefix="bench-scan-")
    mail = MailServer()
    conf = os.path.join(work, "mps-server.conf")
    with open(conf, "w") as f:
        f.write(mail.config_lines())
    server = MpsServer(build_dir=build_dir, extra_args=["--config", conf])
    try:
        server.admin("user", "add", "kim", "--department", "Bench", "--email", "kim@city.example",
                     "--password-stdin", "--pin-stdin", stdin=common.PASSWORD + "\n" + PIN + "\n")
        server.admin("printer", "add", "mfp-3f", "--uri", "ipp://127.0.0.1:9/ipp/print")
        token = server.admin("kiosk", "add", "kiosk-3f", "--printer", "mfp-3f").stdout.rsplit("): ", 1)[1].strip()
        kiosk = Kiosk(server, {"X-MPS-Device-Token": token})

        # B. bytes per page
        sizes = []
        for mode in ("color", "gray", "lineart"):
            for dpi in (150, 300):
                pages = render_pages(work, mode, dpi)
                name = f"size-{mode}-{dpi}"
                sid = kiosk.scan(name, mode, dpi, pages)
                status, body = kiosk.call("POST", f"kiosk/scans/{sid}/send")
                assert status == 202, body
                wait_mail(mail, name)
                status, body = kiosk.call("GET", f"kiosk/scans/{sid}")
                pdf = body["scan"]["bytes"]
                upload = sum(len(d) for d, _ in pages)
                sizes.append({"mode": mode, "dpi": dpi, "pages": len(pages), "upload_bytes": upload,
                              "pdf_bytes": pdf, "pdf_bytes_per_page": pdf // len(pages)})
                log(f"B. {mode:8} {dpi} dpi: {pdf // len(pages):>9,} PDF bytes a page "
                    f"(uploaded {upload // len(pages):,} a page)")
        sane = sane_page(work)
        sid = kiosk.scan("size-sane", "gray", 150, [(sane, "image/jpeg")])
        kiosk.call("POST", f"kiosk/scans/{sid}/send")
        wait_mail(mail, "size-sane")
        pdf = kiosk.call("GET", f"kiosk/scans/{sid}")[1]["scan"]["bytes"]
        sizes.append({"mode": "gray (SANE test picture)", "dpi": 150, "pages": 1, "upload_bytes": len(sane),
                      "pdf_bytes": pdf, "pdf_bytes_per_page": pdf})
        log(f"B. SANE 'Color pattern' grey 150 dpi: {pdf:,} PDF bytes")

        # A. send -> accepted by the relay
        pages = (render_pages(work, "gray", 150) * args.pages)[:args.pages]
        times = []
        for run in range(args.runs + 1):
            name = f"timed-{run}"
            sid = kiosk.scan(name, "gray", 150, pages)
            start = time.time()
            status, body = kiosk.call("POST", f"kiosk/scans/{sid}/send")
            assert status == 202, body
            path = wait_mail(mail, name)
            accepted = os.path.getmtime(path)
            if run > 0:  # the first is warm-up
                times.append(accepted - start)
        log(f"A. send -> accepted, {args.pages} grey 150 dpi pages: {summary_ms(times)}")
    finally:
        server.close()
        mail.close()
        shutil.rmtree(work, True)
    common.save(args.out, {"benchmark": "scan", "machine": machine, "binary": snapshot,
                           "send_to_accepted_ms": summary_ms(times), "pages_per_send": args.pages,
                           "sizes": sizes})


if __name__ == "__main__":
    main()
