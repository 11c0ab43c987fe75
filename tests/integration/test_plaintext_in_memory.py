"""A document's plaintext does not outlive its job in the server's memory (docs/architecture.md,
"Encryption at rest"), against a real mps-server:

- a 1 MiB PDF carrying 64 random markers is uploaded over TLS and over plain HTTP, its thumbnail is
  rendered, and the job is deleted (its key destroyed). Then the server's whole memory is read
  (/proc/PID/mem) and searched for the markers: the request's transport buffers (OpenSSL's records, the
  connection's read buffer, the body read ahead before the handler runs, intake's read buffer) are wiped
  when they are freed, and so is every block the libraries free (server/WipeOnFree.cpp), so no stretch
  of the document of 1 KiB or more is left, and at most a marker or two. Before those buffers were
  wiped, about as many copies of the markers as were sent were found, in whole 64 KiB stretches; before
  the libraries' blocks were, now and then the start of the document (1 KiB and 4.9 KiB of it) in the
  freed buffers of Poppler's streams and QIODevice;
- the same document released to a real ippeveprinter and printed: the buffer it was decrypted into on
  its way to the printer is wiped too (before, one 64 KiB stretch of it was left);
- a page filled with one colour, uploaded and deleted twice, then printed to a printer that takes only
  PWG raster: no picture of it (1,024 pixels of that colour in a row) is left, neither the page Poppler
  rendered for the thumbnail, its scaled copies, nor the pages rendered for the printer (before, the
  thumbnail's render, 198 x 256 pixels, stayed after every upload; a 300 dpi page went back to the
  system either way, being larger than what malloc keeps);
- a kiosk's scanned page of about 1 MiB sent chunked (its length untold), then the scan deleted: neither
  the buffers the page outgrew as it arrived nor the page as it was kept are left (before, 108 copies
  of its markers in stretches of 2 to 450 KiB, and a whole copy of the page).

Reading another process's memory needs root here (the server makes itself undumpable).

Run from tests/integration:

    MPS_BUILD_DIR=/work/main/build PYTHONPATH=../fixtures /usr/bin/python3 -m unittest -v test_plaintext_in_memory
"""

import os
import re
import secrets
import shutil
import socket
import string
import struct
import subprocess
import unittest

from mail import MailServer
from peers import ApiClient, IppEvePrinter, MpsServer

import mpsit
from mpsit import PASSWORD, add_printer, add_user, login, upload, wait_job


def random_marker(tag):
    """`tag` and 48 random letters. No digits: a run of seven digits that a random NUL byte follows is a
    number PdfTableScan counts as an object table's size (a hex marker made ~1 % of documents refused
    as declaring more than 2 million objects)."""
    return tag + "".join(secrets.choice(string.ascii_letters) for _ in range(48)).encode()


def marked_document(path, tag):
    """A 1 MiB PDF whose unreferenced stream carries 64 copies of a random marker -> (bytes, marker)."""
    with open(mpsit.make_padded_pdf(path, 1024 * 1024), "rb") as f:
        body = bytearray(f.read())
    marker = random_marker(tag)
    start = body.find(b"stream\n") + 7
    end = body.rfind(b"endstream") - 100
    step = (end - start) // 64
    for at in range(start, start + 64 * step, step):
        body[at:at + len(marker)] = marker
    return bytes(body), marker


def readable_memory(pid):
    """The contents of each readable mapping of the process (bytes), but the kernel's [vdso]/[vvar]."""
    with open(f"/proc/{pid}/maps") as maps, open(f"/proc/{pid}/mem", "rb", 0) as mem:
        for line in maps:
            fields = line.split()
            low, high = (int(x, 16) for x in fields[0].split("-"))
            if "r" not in fields[1] or (len(fields) > 5 and fields[5].startswith("[v")):
                continue
            try:
                mem.seek(low)
                yield mem.read(high - low)
            except (OSError, OverflowError, ValueError):
                continue


def copies_in_memory(pid, marker, document):
    """Every copy of `marker` in the process's readable memory, each as the length of the stretch of
    `document` around it that is there too."""
    stretches = []
    for data in readable_memory(pid):
        for found in re.finditer(re.escape(marker), data):
            at = found.start()
            # Which of the document's copies: the bytes that follow the marker say.
            lengths = []
            for copy in re.finditer(re.escape(marker), document):
                d = copy.start()
                before = 0
                while at - before > 0 and d - before > 0 and data[at - before - 1] == document[d - before - 1]:
                    before += 1
                after = 0
                while at + after < len(data) and d + after < len(document) and \
                        data[at + after] == document[d + after]:
                    after += 1
                lengths.append(before + after)
            stretches.append(max(lengths))
    return stretches


@unittest.skipUnless(os.geteuid() == 0, "reads the server's memory through /proc/PID/mem")
class PlaintextInMemoryTest(unittest.TestCase):
    def setUp(self):
        self.tmp = mpsit.make_dir("mps-plaintext-")
        self.addCleanup(shutil.rmtree, self.tmp, True)
        self.server = MpsServer()
        self.addCleanup(self.server.close)
        add_user(self.server, "kim")

    def upload_rendered(self, api, tag, name):
        """Uploads a marked document and waits for its thumbnail (Poppler has read it through the
        decrypting view too) -> (job id, document, marker)."""
        document, marker = marked_document(os.path.join(self.tmp, name), tag)
        status, body = upload(api, document, name)
        self.assertEqual(status, 201, body)
        job_id = body["job"]["id"]
        mpsit.wait_rendered(api, job_id)
        return job_id, document, marker

    def assert_not_in_memory(self, document, marker):
        stretches = copies_in_memory(self.server.pid, marker, document)
        self.assertFalse([n for n in stretches if n >= 1024],
                         f"stretches of the document left in memory: {sorted(stretches)}")
        self.assertLessEqual(len(stretches), 2, f"markers left in memory: {sorted(stretches)}")

    def test_a_deleted_jobs_document_is_not_left_in_memory(self):
        for scheme in ("https", "http"):
            with self.subTest(scheme=scheme):
                api = ApiClient(f"{scheme}://127.0.0.1:{self.server.port}")
                api.login("kim", PASSWORD["kim"])
                job_id, document, marker = self.upload_rendered(api, b"MPSPLAIN", f"secret-{scheme}.pdf")
                self.assertEqual(api.delete(f"jobs/{job_id}")[0], 200)
                self.assert_not_in_memory(document, marker)

    def test_a_printed_jobs_document_is_not_left_in_memory(self):
        printer = IppEvePrinter("mfp-plain", settle=False)
        self.addCleanup(printer.close)
        add_printer(self.server, "mfp-plain", printer)
        kim = login(self.server, "kim")
        job_id, document, marker = self.upload_rendered(kim, b"MPSPRINT", "printed.pdf")
        status, body = kim.post(f"jobs/{job_id}/release", {"printer": "mfp-plain"})
        self.assertEqual(status, 202, body)
        wait_job(kim, job_id, ("printed",), 60, self.server)
        self.assertEqual(len(printer.received_files()), 1)
        self.assert_not_in_memory(document, marker)

    def test_the_pictures_of_a_page_are_not_left_in_memory(self):
        # The pages Poppler renders (page 1 for the thumbnail; every page as PWG raster for a printer
        # that takes no PDF) are the document too, as pixels. A page filled with one unusual colour
        # shows where its picture is: before, the whole page at the thumbnail's size (198 x 256 pixels)
        # stayed in memory after each upload. The page rendered for the printer (ippeveprinter's 300 dpi)
        # is larger than what malloc keeps on its heap, so it went back to the system before as well:
        # that check guards the raster path without telling the old server from the new.
        printer = IppEvePrinter("mfp-raster", formats=("image/pwg-raster",), settle=False)
        self.addCleanup(printer.close)
        add_printer(self.server, "mfp-raster", printer)
        kim = login(self.server, "kim")
        for round in range(2):
            status, body = upload(kim, solid_pdf(), f"solid-{round}.pdf")
            self.assertEqual(status, 201, body)
            job_id = body["job"]["id"]
            mpsit.wait_rendered(kim, job_id)
            self.assertEqual(kim.delete(f"jobs/{job_id}")[0], 200)
            self.assertEqual(solid_runs(self.server.pid), [], f"after upload {round + 1}")
        status, body = upload(kim, solid_pdf(), "solid-printed.pdf")
        self.assertEqual(status, 201, body)
        job_id = body["job"]["id"]
        status, body = kim.post(f"jobs/{job_id}/release", {"printer": "mfp-raster"})
        self.assertEqual(status, 202, body)
        wait_job(kim, job_id, ("printed",), 60, self.server)
        self.assertEqual(len(printer.received_files()), 1)
        self.assertEqual(solid_runs(self.server.pid), [], "after printing as PWG raster")

    def test_a_deleted_scans_page_is_not_left_in_memory(self):
        # A kiosk's scanned page of untold length (chunked) grows its buffer as it arrives: each buffer it
        # outgrows is wiped (appendWiping). Before, every one of them (64 KiB, 128 KiB, ... of the page)
        # was freed as it was.
        if not shutil.which("scanimage"):
            self.skipTest("scanimage (sane-utils) is not installed")
        mail = MailServer()
        self.addCleanup(mail.close)
        conf = os.path.join(self.tmp, "mps-server.conf")
        with open(conf, "w") as f:
            f.write(mail.config_lines())
        self.server.close()
        self.server = MpsServer(extra_args=["--config", conf])
        self.addCleanup(self.server.close)
        add_user(self.server, "kim", pin="4821")
        self.server.admin("user", "edit", "kim", "--email", "kim@example.org")
        self.server.admin("printer", "add", "mfp-3f", "--uri", "ipp://127.0.0.1:9/ipp/print")
        device = {"X-MPS-Device-Token": mpsit.kiosk_token(self.server, "kiosk-3f", "mfp-3f")}
        kiosk = self.server.api()
        status, body = kiosk.post("kiosk/session", {"username": "kim", "pin": "4821"}, headers=device)
        self.assertEqual(status, 200, body)
        kiosk.token = body["token"]
        status, body = kiosk.request("POST", "kiosk/scans", {"fileName": "contract", "mode": "gray",
                                                             "resolution": 150}, headers=device)
        self.assertEqual(status, 201, body)
        scan_id = body["scan"]["id"]
        page, marker = marked_jpeg(self.tmp, b"MPSSCAN")
        head = (f"PUT /api/v1/kiosk/scans/{scan_id}/pages/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                f"Authorization: Bearer {kiosk.token}\r\nX-MPS-Device-Token: {device['X-MPS-Device-Token']}\r\n"
                "Content-Type: image/jpeg\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
        with socket.create_connection(("127.0.0.1", self.server.port), timeout=30) as s:
            s.sendall(head.encode())
            for at in range(0, len(page), 16384):
                part = page[at:at + 16384]
                s.sendall(b"%x\r\n" % len(part) + part + b"\r\n")
            s.sendall(b"0\r\n\r\n")
            reply = b""
            while True:
                more = s.recv(65536)
                if not more:
                    break
                reply += more
        self.assertTrue(reply.startswith(b"HTTP/1.1 200 "), reply[:400])
        self.assertEqual(kiosk.request("DELETE", f"kiosk/scans/{scan_id}", headers=device)[0], 204)
        self.assert_not_in_memory(page, marker)


# A letter page filled with sRGB (19, 87, 155). In memory its rendered pixels are B, G, R, 0xff (the
# renderer may round by one or two): each byte is mapped to its class, so that a run of 1,024 pixels is
# one fixed string to find (a regular expression over the server's ~700 MB took 20 s).
SOLID_RGB = (19, 87, 155)
SOLID_CLASSES = bytearray(b"." * 256)
for _low, _mark in ((0x99, b"B"), (0x55, b"G"), (0x11, b"R")):
    SOLID_CLASSES[_low:_low + 5] = _mark * 5
SOLID_CLASSES[0xff] = ord("X")
SOLID_CLASSES = bytes(SOLID_CLASSES)
SOLID_PIXEL = b"BGRX"


def solid_pdf():
    """A one-page PDF filled with SOLID_RGB."""
    content = b"%.4f %.4f %.4f rg 0 0 612 792 re f\n" % tuple(c / 255 for c in SOLID_RGB)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream"]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % at for at in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def solid_runs(pid):
    """The lengths of the runs of at least 1,024 pixels of SOLID_RGB in the process's readable memory."""
    runs = []
    needle = SOLID_PIXEL * 1024
    for data in readable_memory(pid):
        data = data.translate(SOLID_CLASSES)
        at = data.find(needle)
        while at >= 0:
            end = at + len(needle)
            while data.startswith(SOLID_PIXEL, end):
                end += 4
            runs.append((end - at) // 4)
            at = data.find(needle, end)
    return runs


def marked_jpeg(directory, tag):
    """A grey page from the SANE test backend, about 1 MiB with comment segments of random bytes that
    carry 64 copies of a random marker -> (bytes, marker)."""
    conf = os.path.join(directory, "sane")
    os.makedirs(conf, exist_ok=True)
    with open(os.path.join(conf, "dll.conf"), "w") as f:
        f.write("test\n")
    path = os.path.join(directory, "page.jpg")
    subprocess.run(["scanimage", "-d", "test", "--mode", "Gray", "--test-picture", "Grid", "--resolution",
                    "150", "--format=jpeg", "-o", path], check=True, env=dict(os.environ, SANE_CONFIG_DIR=conf),
                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    with open(path, "rb") as f:
        image = f.read()
    marker = random_marker(tag)
    comments = b""
    for _ in range(16):  # 16 segments of 64,000 bytes, 4 markers each
        data = bytearray(secrets.token_bytes(64000))
        for at in range(0, 64000, 16000):
            data[at + 100:at + 100 + len(marker)] = marker
        comments += b"\xff\xfe" + struct.pack(">H", len(data) + 2) + bytes(data)
    return image[:2] + comments + image[2:], marker


if __name__ == "__main__":
    unittest.main()
