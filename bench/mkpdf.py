#!/usr/bin/python3
"""Write a valid PDF of an exact byte size, cheaply (no compression, no dependencies).

Every page is US Letter and shows one uncompressed 8-bit DeviceGray image (a "scanned page":
white paper with dark word-like runs on text lines, or with --content noise random bytes). The
image data is a block generated once and reused for every page, so writing 500 MB costs one
sequential write. The bytes that do not fit a whole image row go into a
comment after the header, so the file is exactly --size bytes.

    mkpdf.py --size 1MiB out.pdf               # 1 page
    mkpdf.py --size 50MiB --page-bytes 1MiB out.pdf   # 50 pages of ~1 MiB each
    mkpdf.py --size 2KiB out.pdf               # a tiny one-page PDF (1-row image)

The result is checked with pdfinfo (page count) unless --no-check.
"""
import argparse
import os
import random
import re
import subprocess
import sys

ROW = 1024  # image width in pixels (= bytes per row, 8-bit gray)
UNITS = {"": 1, "b": 1, "k": 1000, "kb": 1000, "kib": 1024, "m": 1000**2, "mb": 1000**2,
         "mib": 1024**2, "g": 1000**3, "gb": 1000**3, "gib": 1024**3}


def parse_size(text):
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([A-Za-z]*)\s*", text)
    if not m or m.group(2).lower() not in UNITS:
        raise argparse.ArgumentTypeError(f"bad size {text!r} (e.g. 1MiB, 50MiB, 500MB, 2048)")
    return int(float(m.group(1)) * UNITS[m.group(2).lower()])


def _objects(pages, rows_per_page):
    """The PDF objects (bytes, without 'N 0 obj' wrappers) except image data placeholders."""
    # 1 catalog, 2 pages, then per page: page, contents, image.
    kids = " ".join(f"{3 + 3 * i} 0 R" for i in range(pages))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode()]
    content = b"q 612 0 0 792 0 0 cm /Im0 Do Q\n"
    for i in range(pages):
        cont, img = 4 + 3 * i, 5 + 3 * i
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {cont} 0 R "
                    f"/Resources << /XObject << /Im0 {img} 0 R >> >> >>".encode())
        objs.append((b"<< /Length %d >>\nstream\n" % len(content)) + content + b"\nendstream")
        objs.append(("IMAGE", rows_per_page[i]))
    return objs


def _image_header(rows):
    return (f"<< /Type /XObject /Subtype /Image /Width {ROW} /Height {rows} /ColorSpace /DeviceGray "
            f"/BitsPerComponent 8 /Length {ROW * rows} >>\nstream\n").encode()


def _obj_len(obj):
    if isinstance(obj, tuple):
        rows = obj[1]
        return len(_image_header(rows)) + ROW * rows + len(b"\nendstream")
    return len(obj)


def _pad_comment(pad):
    """`pad` bytes of comment lines (each '%...\\n', at most 255 bytes)."""
    out = bytearray()
    while pad > 0:
        line = min(pad, 255)
        if line == 1:
            out += b"\n"
        else:
            out += b"%" + b"x" * (line - 2) + b"\n"
        pad -= line
    return bytes(out)


def _image_block(width, rows, content, seed):
    """`rows` rows of 8-bit grey pixels, repeated to fill every image. 'text': white paper with
    dark word-like runs on text lines (what a scanned page looks like); 'noise': random bytes
    (incompressible, also for the server's PNG thumbnail)."""
    rng = random.Random(seed)
    if content == "noise":
        return rng.randbytes(width * rows)
    out = bytearray(b"\xff" * (width * rows))
    margin = width // 10
    for r in range(rows):
        if r % 24 >= 14:
            continue  # space between text lines
        if r % 24 == 0:
            line = []
            x = margin
            while x < width - margin:
                w = rng.randint(10, 60)
                line.append((x, min(x + w, width - margin), rng.randint(10, 70)))
                x += w + rng.randint(6, 18)
        base = r * width
        for x0, x1, v in line:
            out[base + x0:base + x1] = bytes([v]) * (x1 - x0)
    return bytes(out)


def write_pdf(path, size, page_bytes=None, seed=1, width=None, content="text"):
    """Write a PDF of exactly `size` bytes; pages of about `page_bytes` image data each, images
    `width` pixels wide (default 1024) showing `content` ('text' or 'noise')."""
    global ROW
    if page_bytes is None or page_bytes >= size:
        pages = 1
    else:
        pages = max(1, round(size / page_bytes))
    header = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    # Image rows per page: start from a generous overhead estimate, then shrink until the
    # objects, xref and trailer fit; the rest becomes a comment (the padding).
    ROW = width or 1024
    if size < pages * (ROW + 1500):
        ROW = 16
    total_rows = max(pages, (size - 600 - 600 * pages) // ROW)
    while True:
        rows = [total_rows // pages + (1 if i < total_rows % pages else 0) for i in range(pages)]
        objs = _objects(pages, rows)
        count = len(objs) + 1
        fixed = len(header)
        for i, obj in enumerate(objs, 1):
            fixed += len(f"{i} 0 obj\n".encode()) + _obj_len(obj) + len(b"\nendobj\n")
        xref_len = len(f"xref\n0 {count}\n".encode()) + 20 * count
        pad = None
        for digits in range(1, 13):
            trailer_len = (len(f"trailer\n<< /Size {count} /Root 1 0 R >>\nstartxref\n".encode())
                           + digits + len(b"\n%%EOF\n"))
            p = size - fixed - xref_len - trailer_len
            if p >= 0 and len(str(fixed + p)) == digits:
                pad = p
                break
        if pad is not None:
            break
        if total_rows <= pages:
            raise SystemExit(f"{size} bytes is too small for {pages} page(s)")
        total_rows = max(pages, total_rows - 1 - (fixed + xref_len + 40 - size) // ROW)

    block = _image_block(ROW, min(max(rows), max(1, (1 << 20) // ROW)), content, seed)
    offsets = []
    tmp = path + ".part"
    with open(tmp, "wb") as f:
        f.write(header)
        f.write(_pad_comment(pad))
        for i, obj in enumerate(objs, 1):
            offsets.append(f.tell())
            f.write(f"{i} 0 obj\n".encode())
            if isinstance(obj, tuple):
                r = obj[1]
                f.write(_image_header(r))
                remaining = ROW * r
                while remaining:
                    chunk = block[:min(len(block), remaining)]
                    f.write(chunk)
                    remaining -= len(chunk)
                f.write(b"\nendstream")
            else:
                f.write(obj)
            f.write(b"\nendobj\n")
        xref_at = f.tell()
        f.write(f"xref\n0 {count}\n".encode())
        f.write(b"0000000000 65535 f \n")
        for off in offsets:
            f.write(f"{off:010d} 00000 n \n".encode())
        f.write(f"trailer\n<< /Size {count} /Root 1 0 R >>\nstartxref\n{xref_at}\n%%EOF\n".encode())
        written = f.tell()
    if written != size:
        os.unlink(tmp)
        raise SystemExit(f"internal error: wrote {written} bytes, wanted {size}")
    os.replace(tmp, path)
    return pages


def pdfinfo_pages(path):
    out = subprocess.run(["pdfinfo", path], stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=True)
    if out.stderr.strip():
        raise SystemExit(f"pdfinfo complains about {path}: {out.stderr.decode(errors='replace')}")
    m = re.search(rb"^Pages:\s+(\d+)", out.stdout, re.M)
    return int(m.group(1)) if m else None


def ensure_pdf(path, size, page_bytes=None, check=True, width=None, content="text"):
    """Create `path` unless a file of that exact size exists; returns the page count."""
    if not (os.path.exists(path) and os.path.getsize(path) == size):
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        write_pdf(path, size, page_bytes, width=width, content=content)
    if check:
        pages = pdfinfo_pages(path)
        if not pages:
            raise SystemExit(f"pdfinfo finds no pages in {path}")
        return pages
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=parse_size, required=True)
    ap.add_argument("--page-bytes", type=parse_size, default=None,
                    help="image bytes per page (default: one page)")
    ap.add_argument("--width", type=int, default=None, help="image width in pixels (default 1024)")
    ap.add_argument("--content", choices=("text", "noise"), default="text",
                    help="image content: a text-like scanned page (default) or random noise")
    ap.add_argument("--no-check", action="store_true")
    ap.add_argument("out")
    a = ap.parse_args()
    write_pdf(a.out, a.size, a.page_bytes, width=a.width, content=a.content)
    pages = None if a.no_check else pdfinfo_pages(a.out)
    print(f"{a.out}: {os.path.getsize(a.out)} bytes, {pages if pages else '?'} page(s)")


if __name__ == "__main__":
    sys.exit(main())
