#!/usr/bin/python3
"""A contactless staff card on the vpcd virtual reader: answers GET DATA (FF CA 00 00 xx) with its
UID + 90 00. Running = card on the reader; terminated = card taken away.

    /usr/bin/python3 virtual_card.py UIDHEX [--port 35963]

Uses vsmartcard's VirtualICC (python3-virtualsmartcard) for the vpcd protocol. Debian's package puts
the modules in /usr/lib/python3/site-packages/virtualsmartcard and imports `Crypto`, which
python3-pycryptodome provides as `Cryptodome`: both are fixed up on sys.path here (shared/peers.md).
"""
import argparse
import os
import sys
import tempfile

SITE = "/usr/lib/python3/site-packages/virtualsmartcard"
ATR = bytes.fromhex("3B8F8001804F0CA000000306030001000000006A")  # contactless (PC/SC part 3)


def _fix_imports():
    shim = tempfile.mkdtemp(prefix="mps-vicc-")
    link = os.path.join(shim, "Crypto")
    if not os.path.exists(link):
        os.symlink("/usr/lib/python3/dist-packages/Cryptodome", link)
    sys.path[:0] = [shim, SITE]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("uid")
    ap.add_argument("--port", type=int, default=35963)
    args = ap.parse_args()
    uid = bytes.fromhex(args.uid)
    _fix_imports()
    import logging
    from virtualsmartcard.VirtualSmartcard import SmartcardOS, VirtualICC

    class UidCard(SmartcardOS):
        def getATR(self):
            return ATR

        def execute(self, msg):
            if len(msg) >= 4 and msg[0] == 0xFF and msg[1] == 0xCA and msg[2] == 0x00:
                return uid + b"\x90\x00"
            return b"\x6D\x00"  # instruction not supported

    # VirtualICC's constructor builds a file-system card (and needs card modules Debian does not
    # ship); only its vpcd protocol loop is wanted, so set up the connection by hand.
    logging.basicConfig(level=logging.WARNING)
    vicc = VirtualICC.__new__(VirtualICC)
    vicc.os = UidCard()
    vicc.type = "uid"
    vicc.host, vicc.port, vicc.server_sock = "localhost", args.port, None
    vicc.sock = VirtualICC.connectToPort("localhost", args.port)
    vicc.sock.settimeout(None)
    print("card ready", flush=True)
    vicc.run()


if __name__ == "__main__":
    main()
