#!/usr/bin/env python3
"""Plausible usage history for `make demo` (and the screenshots): a few departments of a city hall,
their staff and MFPs, and months of printing in the `mps-admin usage import` format (docs/accounting.md).

  demo-usage.py org                 -> the organisation as shell-friendly lines (see below)
  demo-usage.py ledger MONTHS NOW   -> the ledger CSV on stdout (MONTHS before NOW, an ISO date)

The history is deterministic (a fixed seed), so screenshots can be redone and compared. It shows what an
office sees after introducing pull printing: fewer pages per person month by month, more duplex and less
colour, and jobs that were never printed (deleted or expired).
"""
import datetime as dt
import random
import sys

# code, name, parent code ('' for none)
DEPARTMENTS = [
    ("FIN", "재무과", ""),
    ("FIN-BUD", "예산팀", "FIN"),
    ("GEN", "총무과", ""),
    ("URB", "도시계획과", ""),
    ("WEL", "복지정책과", ""),
]
# name, department, role, display (the demo's login names stay ASCII)
USERS = [
    ("kim", "FIN", "dept-head"), ("park", "FIN", "user"), ("lee", "FIN", "user"), ("choi", "FIN", "user"),
    ("jung", "FIN", "user"), ("kang", "FIN-BUD", "user"), ("cho", "FIN-BUD", "user"),
    ("yoon", "GEN", "dept-head"), ("jang", "GEN", "user"), ("lim", "GEN", "user"), ("han", "GEN", "user"),
    ("oh", "URB", "dept-head"), ("seo", "URB", "user"), ("shin", "URB", "user"), ("kwon", "URB", "user"),
    ("hwang", "URB", "user"), ("ahn", "WEL", "dept-head"), ("song", "WEL", "user"), ("jeon", "WEL", "user"),
    ("hong", "WEL", "user"),
]
# name, location, owning department; the first is the demo's simulated MFP
PRINTERS = [
    ("3F-East", "3rd floor, east wing", "FIN"),
    ("3F-West", "3rd floor, west wing", "GEN"),
    ("5F-Color", "5th floor, by the lifts", "URB"),
    ("2F-Lobby", "2nd floor, lobby", "WEL"),
]
HOME_PRINTER = {"FIN": "3F-East", "FIN-BUD": "3F-East", "GEN": "3F-West", "URB": "5F-Color", "WEL": "2F-Lobby"}


def org():
    for code, name, parent in DEPARTMENTS:
        print(f"department\t{code}\t{name}\t{parent}")
    for name, dept, role in USERS:
        print(f"user\t{name}\t{dept}\t{role}")
    for name, location, dept in PRINTERS:
        print(f"printer\t{name}\t{location}\t{dept}")


def ledger(months, now):
    rnd = random.Random(20131)
    start = (now.replace(day=1) - dt.timedelta(days=31 * (months - 1))).replace(day=1)
    kst = dt.timezone(dt.timedelta(hours=9))
    print("at,user,printer,kind,pages,copies,duplex,color,size")
    day = start
    total_days = (now - start).days or 1
    while day < now:
        if day.weekday() < 5:
            progress = (day - start).days / total_days  # 0 at the start, 1 now: habits improve
            for name, dept, role in USERS:
                heavy = 1.6 if dept == "URB" else 1.0  # planners print drawings
                jobs = rnd.choices([0, 1, 2, 3, 4], weights=[3, 4, 3, 2, 1])[0]
                for _ in range(round(jobs * heavy * (1.15 - 0.35 * progress))):
                    at = dt.datetime(day.year, day.month, day.day, rnd.randint(8, 18), rnd.randint(0, 59),
                                     tzinfo=kst)
                    if at >= now:
                        continue
                    pages = max(1, int(rnd.expovariate(1 / 6)))
                    copies = rnd.choices([1, 2, 3], weights=[12, 2, 1])[0]
                    duplex = int(pages > 1 and rnd.random() < 0.25 + 0.5 * progress)
                    color = int(rnd.random() < (0.45 if dept == "URB" else 0.3) * (1 - 0.5 * progress))
                    size = "a3" if dept == "URB" and rnd.random() < 0.2 else "a4"
                    printer = HOME_PRINTER[dept]
                    if rnd.random() < 0.12:  # printed on another floor's MFP
                        printer = rnd.choice([p[0] for p in PRINTERS])
                    kind = rnd.choices(["printed", "deleted", "expired"],
                                       weights=[86, 9 + 4 * progress, 5])[0]
                    where = printer if kind == "printed" else ""
                    print(f"{at.isoformat()},{name},{where},{kind},{pages},{copies},{duplex},{color},{size}")
        day += dt.timedelta(days=1)


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "org":
        org()
    elif len(sys.argv) == 4 and sys.argv[1] == "ledger":
        ledger(int(sys.argv[2]), dt.datetime.fromisoformat(sys.argv[3]).astimezone(dt.timezone(dt.timedelta(hours=9))))
    else:
        sys.exit(__doc__)
