#!/usr/bin/python3
"""Touches libfprint's virtual fingerprint sensor of a running kiosk (FP_VIRTUAL_DEVICE_STORAGE or
FP_VIRTUAL_DEVICE) with a finger: the same name always means the same finger.

    scripts/touch-fingerprint.py SOCKET FINGER [TIMES]   (enrolment takes 5 touches)
    scripts/touch-fingerprint.py --insert SOCKET FINGER  (store the finger on the sensor itself, as a
                                                          match-on-chip sensor that enrolled it would)
"""
import socket
import sys


def command(path, text):
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.connect(path)
        s.sendall(text.encode())
        # The sensor reads one command per connection: wait until it hangs up.
        s.shutdown(socket.SHUT_WR)
        s.settimeout(5)
        s.recv(16)


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["--insert"] and len(args) == 3:
        command(args[1], f"INSERT {args[2]}")
    elif len(args) in (2, 3) and not args[0].startswith("-"):
        for _ in range(int(args[2]) if len(args) == 3 else 1):
            command(args[0], f"SCAN {args[1]}")
    else:
        sys.exit(__doc__)
